// The pure parts of `npm test` (scripts/test.mjs): whether a run needs the build, and the one
// closing line CI reads.

const builtProjects = ['e2e', 'chaos'];

/**
 * The end-to-end and chaos tests drive the built browser host, so build unless the arguments
 * pick only other tests: `--project unit`, or file filters none of which is an e2e or chaos file.
 */
export function needsBuild(args) {
  const projects = [];
  const filters = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--project') projects.push(args[++i] ?? '');
    else if (arg.startsWith('--project=')) projects.push(arg.slice('--project='.length));
    else if (!arg.startsWith('-')) filters.push(arg);
  }
  if (projects.length > 0) return projects.some((project) => builtProjects.includes(project));
  if (filters.length > 0) {
    return filters.some((filter) => builtProjects.some((project) => filter.includes(project)));
  }
  return true;
}

/**
 * Passed and failed tests from vitest's JSON report (null when there is none). A suite that
 * failed to load has no tests to count; it counts as a failure so it is seen. A run that failed
 * (`exitCode` not 0) with nothing counted as failed counts one failure.
 */
export function countResults(report, exitCode) {
  const passed = report?.numPassedTests ?? 0;
  let failed = 1;
  if (report) {
    failed =
      (report.numFailedTests ?? 0) +
      (report.testResults ?? []).filter(
        (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
      ).length;
  }
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

export const summaryLine = ({ passed, failed }) => `${passed} passed, ${failed} failed`;
