// `npm test`: starts the servers the tests need (a throwaway keyring session, CUPS and PostgreSQL, see
// test-services.mjs), builds the app when the end-to-end or chaos tests run (they drive the built
// browser host), runs vitest, stops the servers, and ends with the one line CI reads:
// "N passed, N failed". It exits with vitest's code. Extra arguments go to vitest, e.g.
// `npm test -- --project unit` or `npm test -- test/integration/cups.test.ts`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countResults, needsBuild, summaryLine } from './test-plan.mjs';
import { startCups, startKeyringSession, startPostgres } from './test-services.mjs';

const args = process.argv.slice(2);
const report = 'test-results/vitest.json';
fs.mkdirSync('test-results', { recursive: true });

const work = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'packdesk-npm-test-'));
// CUPS runs its filters as lp, which must reach its folder inside; the keyring keeps its own
// folders private.
fs.chmodSync(work, 0o755);
// What the servers say, kept after the run for when one would not start.
const log = fs.openSync('test-results/services.log', 'w');
const services = [];
let child = null;
let cleaned = false;

async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  for (const service of services.reverse()) await service.stop().catch(() => {});
  fs.closeSync(log);
  fs.rmSync(work, { recursive: true, force: true });
}

function finish(counts, status) {
  const summary = summaryLine(counts);
  fs.writeFileSync('test-results/summary.txt', summary + '\n');
  console.log(summary);
  process.exit(status);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child?.kill(signal);
    void cleanUp().then(() => process.exit(1));
  });
}

function run(command, commandArgs, env) {
  return new Promise((resolve) => {
    child = spawn(command, commandArgs, {
      stdio: 'inherit',
      env,
      shell: process.platform === 'win32',
    });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function startServices() {
  const env = { ...process.env };
  if (process.platform !== 'linux') return env;
  // The tests never see the desktop's own session bus, and so never its keyring: only ours.
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const starters = [
    ['keyring', (dir) => startKeyringSession(dir, log)],
    ['CUPS', (dir) => startCups(dir, log)],
    ['PostgreSQL', (dir) => startPostgres(dir, log)],
  ];
  for (const [name, start] of starters) {
    const dir = path.join(work, name.toLowerCase());
    fs.mkdirSync(dir);
    try {
      const service = await start(dir);
      if (!service) continue;
      services.push(service);
      Object.assign(env, service.env);
    } catch (error) {
      // The tests that need it fail and say what is missing; the others still run.
      console.error(`npm test could not start its ${name}: ${error.message}`);
      console.error('Is everything installed? npm run setup installs it.');
    }
  }
  return env;
}

const env = await startServices();
if (needsBuild(args)) {
  const status = await run('npx', ['electron-vite', 'build', '--logLevel', 'warn'], env);
  if (status !== 0) {
    await cleanUp();
    finish({ passed: 0, failed: 1 }, status);
  }
}

fs.rmSync(report, { force: true });
const status = await run(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ],
  env,
);
await cleanUp();

let json = null;
try {
  json = JSON.parse(fs.readFileSync(report, 'utf8'));
} catch {
  // No report: countResults counts the run as failed.
}
finish(countResults(json, status), status);
