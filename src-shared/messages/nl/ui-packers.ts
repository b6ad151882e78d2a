import type { uiPackers as english } from '../en/ui-packers';
import type { Translation } from '../translation';

export const uiPackers: Translation<typeof english> = {
  'ui.packers.signIn.title': 'Aanmelden bij {{station}}',
  'ui.packers.signIn.scanBadge': 'Scan je badge om je aan te melden.',
  'ui.packers.signIn.orPick': 'Of kies je naam en typ je pincode:',
  'ui.packers.signIn.pinFor': 'Pincode van {{name}}',
  'ui.packers.signIn.backspace': 'Cijfer terug',
  'ui.packers.signIn.back': 'Terug naar de namen',
  'ui.packers.signIn.locked':
    'Te vaak een verkeerde pincode: aanmelden met pincode zit een minuut op slot. Met je badge kan het wel.',
  'ui.packers.header.signedIn': 'Aangemeld',
  'ui.packers.header.lock': 'Vergrendelen',
  'ui.packers.role.packer': 'Inpakker',
  'ui.packers.role.supervisor': 'Supervisor',
  'ui.packers.roleOf': 'Rol van {{name}}',
  'ui.packers.title': 'Inpakkers',
  'ui.packers.intro':
    'Inpakkers melden zich aan door hun badge te scannen, of met hun naam en een pincode van 4 cijfers. Supervisors wijzigen ook instellingen, printers, accounts en inpakkers. Zonder inpakkers hoeft niemand zich aan te melden.',
  'ui.packers.printBadges': 'Badges printen (pdf)',
  'ui.packers.empty':
    'Nog geen inpakkers: iedereen aan dit station kan scannen en instellingen wijzigen.',
  'ui.packers.column.name': 'Naam',
  'ui.packers.column.role': 'Rol',
  'ui.packers.column.badge': 'Badge',
  'ui.packers.column.pin': 'Pincode',
  'ui.packers.newPin': 'Nieuwe pincode voor {{name}}',
  'ui.packers.newPinPlaceholder': '4 cijfers',
  'ui.packers.changePin': 'Pincode wijzigen',
  'ui.packers.remove': 'Verwijderen',
  'ui.packers.removeConfirm': '{{name}} verwijderen',
  'ui.packers.keep': 'Houden',
  'ui.packers.add.title': 'Inpakker toevoegen',
  'ui.packers.add.submit': 'Toevoegen',
  'ui.packers.idle.label': 'Vergrendelen na zoveel minuten niets doen',
  'ui.packers.idle.hint': '0: nooit vanzelf vergrendelen.',
  'ui.packers.idle.save': 'Opslaan',
};
