import type { packers as english } from '../en/packers';
import type { Translation } from '../translation';

export const packers: Translation<typeof english> = {
  'packers.signedIn': '{{name}} is aangemeld.',
  'packers.signInFirst': 'Meld je eerst aan: scan je badge, of kies je naam en typ je pincode.',
  'packers.supervisorOnly':
    'Dit mag alleen een supervisor. Vraag een supervisor om zich aan te melden.',
  'packers.badge.removed': 'Deze badge hoort bij een verwijderde inpakker en meldt niet meer aan.',
  'packers.pin.refused_one':
    'Verkeerde pincode. Nog {{count}} poging, dan gaat aanmelden met pincode op slot.',
  'packers.pin.refused_other':
    'Verkeerde pincode. Nog {{count}} pogingen, dan gaat aanmelden met pincode op slot.',
  'packers.pin.locked':
    'Te vaak een verkeerde pincode: aanmelden met pincode zit een minuut op slot. Scan je badge of wacht even.',
  'packers.needsSupervisor':
    'Een station met inpakkers heeft minstens één supervisor nodig, anders kan niemand het beheren.',
  'packers.unknown': 'Deze inpakker staat (niet meer) op dit station.',
  'packers.nameTaken': 'Er is al een inpakker die {{name}} heet.',
  'packers.badgeTaken': 'De badgecode {{badge}} is al in gebruik.',
};
