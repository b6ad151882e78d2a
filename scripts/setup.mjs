// `npm run setup`: what a newcomer runs once. On Debian and Ubuntu it installs the system packages
// the station and its tests need, where they are missing (apt-get, through sudo unless root); on
// other platforms it says what to install. Then `npm ci`, without Electron's binary download.
// Plain Node on purpose: nothing in node_modules exists yet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  aptCommands,
  debianRequirements,
  missingPackages,
  platformAdvice,
} from './system-packages.mjs';

const onPath = (command) =>
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, command)));

const present = ({ command, file }) => (command ? onPath(command) : fs.existsSync(file));

function installSystemPackages() {
  const hasApt = process.platform === 'linux' && onPath('apt-get');
  const advice = platformAdvice(process.platform, { hasApt });
  if (advice) {
    console.log(advice.join('\n'));
    return true;
  }
  const missing = missingPackages(debianRequirements, present);
  if (missing.length === 0) {
    console.log('System packages: all there.');
    return true;
  }
  const root = process.getuid?.() === 0;
  if (!root && !onPath('sudo')) {
    console.error(`Missing system packages, and no sudo to install them. As root, run:`);
    for (const command of aptCommands(missing, { root: true }))
      console.error(`  ${command.join(' ')}`);
    return false;
  }
  console.log(`Installing system packages: ${missing.join(' ')}`);
  // apt's progress goes to a log; only a failure shows its end.
  const log = path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'packdesk-apt.log');
  fs.writeFileSync(log, '');
  for (const [program, ...args] of aptCommands(missing, { root })) {
    const out = fs.openSync(log, 'a');
    const result = spawnSync(program, args, {
      stdio: ['ignore', out, out],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    fs.closeSync(out);
    if (result.status !== 0) {
      const tail = fs.readFileSync(log, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
      console.error(`${program} ${args.join(' ')} failed (see ${log}):\n${tail}`);
      return false;
    }
  }
  return true;
}

if (!installSystemPackages()) process.exit(1);

// package.json's allowScripts keeps npm 11 from fetching Electron's binary; the variable does the
// same for npm 10. `npm start` fetches it on first use where it can.
const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  shell: process.platform === 'win32',
});
process.exit(ci.status ?? 1);
