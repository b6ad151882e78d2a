// What the station and its tests need from the operating system, and how to get it on each
// platform. Pure: the caller probes the machine (`present`) and runs what these functions return.

/**
 * Debian/Ubuntu packages, each with the file or command whose absence means it is missing.
 * `command` is looked up on PATH; `file` is checked as is.
 */
export const debianRequirements = [
  // npm ci compiles better-sqlite3 (no prebuilt binary can be downloaded everywhere) and keytar.
  { name: 'python3', command: 'python3', why: 'node-gyp builds the native modules' },
  { name: 'make', command: 'make', why: 'node-gyp builds the native modules' },
  { name: 'g++', command: 'g++', why: 'node-gyp builds the native modules' },
  { name: 'pkg-config', command: 'pkg-config', why: 'keytar finds libsecret with it' },
  {
    name: 'libsecret-1-dev',
    file: '/usr/include/libsecret-1/libsecret/secret.h',
    why: 'keytar compiles against libsecret',
  },
  // The account keys live in the OS keychain; the tests talk to a real one on a D-Bus session.
  {
    name: 'gnome-keyring',
    command: 'gnome-keyring-daemon',
    why: 'a real Secret Service for the keychain',
  },
  { name: 'dbus-x11', command: 'dbus-launch', why: 'a D-Bus session bus and dbus-send' },
  // Printing through a real CUPS scheduler, its PDF queue measured with poppler.
  { name: 'cups', file: '/usr/sbin/cupsd', why: 'the CUPS printing tests' },
  { name: 'cups-bsd', command: 'lpr', why: 'the CUPS printing tests' },
  { name: 'cups-client', command: 'lpstat', why: 'the CUPS printing tests' },
  {
    name: 'printer-driver-cups-pdf',
    file: '/usr/lib/cups/backend/cups-pdf',
    why: 'a CUPS queue that prints to PDF',
  },
  { name: 'poppler-utils', command: 'pdfinfo', why: 'measuring printed PDFs' },
  // The warehouse: a real PostgreSQL server, a throwaway cluster per test run (pg-cluster.mjs).
  {
    name: 'postgresql',
    file: '/usr/lib/postgresql/15/bin/initdb',
    why: 'the warehouse tests run a real PostgreSQL',
  },
  { name: 'postgresql-client', command: 'psql', why: 'the warehouse tests read PostgreSQL back' },
  // The end-to-end tests drive the browser host in Debian's Chromium.
  { name: 'chromium', command: 'chromium', why: 'the end-to-end tests' },
  {
    name: 'fonts-dejavu-core',
    file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    why: 'labels and screenshots render with DejaVu',
  },
];

/** The packages whose probe fails, in install order. `present(requirement)` probes one. */
export function missingPackages(requirements, present) {
  return requirements.filter((requirement) => !present(requirement)).map(({ name }) => name);
}

/**
 * The commands that install `missing` with apt: one `apt-get update` first, then one install.
 * `root` false puts sudo in front. Nothing to run when nothing is missing.
 */
export function aptCommands(missing, { root }) {
  if (missing.length === 0) return [];
  const sudo = root ? [] : ['sudo'];
  return [
    [...sudo, 'apt-get', 'update', '-qq'],
    [...sudo, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing],
  ];
}

/**
 * How to set up on a platform where setup does not install system packages itself, as lines to
 * print; null on Debian and Ubuntu (`hasApt`), where it does.
 */
export function platformAdvice(platform, { hasApt }) {
  if (platform === 'darwin') {
    return [
      'On macOS, npm run setup installs no system packages. The station needs none beyond:',
      '  xcode-select --install        # a compiler, should npm have to build better-sqlite3',
      'The keychain is the macOS Keychain and printing goes through the CUPS built into macOS.',
      'The full test suite needs Linux (GNOME Keyring on D-Bus, cups-pdf, Debian Chromium):',
      'run it in a Debian 12 container or VM, where npm run setup installs everything.',
    ];
  }
  if (platform === 'win32') {
    return [
      'On Windows, npm run setup installs no system packages. The station needs none beyond',
      'Node\'s own installer with "Tools for Native Modules" ticked (Python and the Visual',
      'Studio Build Tools), should npm have to build better-sqlite3.',
      'The keychain is the Windows Credential Manager and printing goes through the spooler.',
      'The full test suite needs Linux (GNOME Keyring on D-Bus, CUPS, Debian Chromium):',
      'run it in WSL 2 with Debian, where npm run setup installs everything.',
    ];
  }
  if (platform === 'linux' && !hasApt) {
    return [
      'This Linux has no apt-get, so npm run setup installs no system packages. Install the',
      "equivalents of these Debian packages with your distribution's package manager:",
      ...debianRequirements.map(({ name, why }) => `  ${name.padEnd(24)} ${why}`),
    ];
  }
  return null;
}
