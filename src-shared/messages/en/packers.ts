// Packers and who is signed in: what main says about signing in, roles and the packers list.
export const packers = {
  'packers.signedIn': '{{name}} is signed in.',
  'packers.signInFirst': 'Sign in first: scan your badge, or pick your name and type your PIN.',
  'packers.supervisorOnly': 'Only a supervisor may do this. Ask a supervisor to sign in.',
  'packers.badge.removed': 'This badge belongs to a packer who was removed. It no longer signs in.',
  'packers.pin.refused_one': 'Wrong PIN. {{count}} more try before PIN sign-in locks.',
  'packers.pin.refused_other': 'Wrong PIN. {{count}} more tries before PIN sign-in locks.',
  'packers.pin.locked':
    'Too many wrong PINs: PIN sign-in is locked for a minute. Scan your badge, or wait.',
  'packers.needsSupervisor':
    'A station with packers needs at least one supervisor, or nobody could manage it.',
  'packers.unknown': 'This packer is not set up at this station (any more).',
  'packers.nameTaken': 'Another packer is already called {{name}}.',
  'packers.badgeTaken': 'The badge code {{badge}} is already in use.',
} as const;
