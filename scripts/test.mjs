// `npm test`: builds the app (the end-to-end and chaos tests drive the built browser host), runs
// every vitest project, and ends with the one line CI reads: "N passed, N failed".
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const args = process.argv.slice(2);
const needsBuild = !args.includes('--project') || args.includes('e2e') || args.includes('chaos');
if (needsBuild) {
  const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(build.status ?? 1);
  }
}

fs.mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
fs.rmSync(report, { force: true });
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  // A suite that failed to load has no tests to count; count it as a failure so it is seen.
  const brokenSuites = (json.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
  ).length;
  failed += brokenSuites;
} catch {
  failed = Math.max(failed, 1);
}
const status = result.status ?? 1;
if (status !== 0 && failed === 0) failed = 1;
const summary = `${passed} passed, ${failed} failed`;
fs.writeFileSync('test-results/summary.txt', summary + '\n');
console.log(summary);
process.exit(status);
