// `npm start`: the desktop station. package.json keeps npm from downloading Electron's binary at
// install time (it cannot be fetched everywhere), so the first start fetches it. Where that is
// impossible, say so plainly and point to the browser host.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

/** The binary's path, or null while Electron has not downloaded it (path.txt is its receipt). */
function electronBinary() {
  const receipt = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(receipt)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(receipt, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

let binary = electronBinary();
if (!binary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore' });
  binary = electronBinary();
}

if (!binary) {
  console.error(
    [
      'The Electron binary is not installed on this machine, and it could not be downloaded,',
      'so the desktop window cannot open.',
      '',
      'Run the same station in your browser instead:',
      '  npm run start:web',
      '',
      'To get the desktop app, start again with internet access, or fetch Electron by hand:',
      '  node node_modules/electron/install.js',
    ].join('\n'),
  );
  process.exit(1);
}

const run = (command, args) => {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

// better-sqlite3 must match Electron's ABI; the Node build stays in place for the tests.
run(process.execPath, ['scripts/electron-native.mjs']);
run('npx', ['electron-vite', 'build']);
run(binary, ['.']);
