// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, beside (never over)
// the Node build in node_modules that `npm test` and `npm run start:web` load. The desktop app
// opens its database with this binary (see src-main/shell/app.ts). Needs internet once: it
// downloads the prebuilt binary for Electron, or Electron's headers to compile it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const target = path.resolve('.native', `electron-${electronVersion}`, 'better_sqlite3.node');

if (fs.existsSync(target) && !process.argv.includes('--force')) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is ready: ${target}`);
  process.exit(0);
}

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-native-'));
fs.cpSync(source, work, {
  recursive: true,
  filter: (file) =>
    !file.includes(`${path.sep}build${path.sep}`) && !file.endsWith(`${path.sep}build`),
});

const run = (command, args) =>
  spawnSync(command, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' })
    .status === 0;

const prebuild = path.join(
  path.dirname(require.resolve('prebuild-install/package.json')),
  'bin.js',
);
console.log(`Fetching better-sqlite3 for Electron ${electronVersion}…`);
const ok =
  run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion]) ||
  run('npx', [
    'node-gyp',
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!ok || !fs.existsSync(built)) {
  console.error('Could not build better-sqlite3 for Electron. Check the internet connection.');
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion}: ${target}`);
