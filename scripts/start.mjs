// `npm start`: the desktop station. Where the Electron binary is absent (a machine that
// installed without downloading it), say so plainly and point to the browser host.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let electronPath;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}

if (typeof electronPath !== 'string') {
  console.error(
    [
      'The Electron binary is not installed on this machine, so the desktop window cannot open.',
      '(npm installed Electron without downloading its binary, or the download was blocked.)',
      '',
      'Run the same station in your browser instead:',
      '  npm run start:web',
      '',
      'To get the desktop app, reinstall Electron with internet access:',
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
run(electronPath, ['.']);
