// Types for test-plan.mjs (plain Node, run by scripts/test.mjs).
export interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  testResults?: { status?: string; assertionResults?: unknown[] }[];
}
export interface Counts {
  passed: number;
  failed: number;
}
export declare function needsBuild(args: readonly string[]): boolean;
export declare function countResults(report: VitestReport | null, exitCode: number): Counts;
export declare function summaryLine(counts: Counts): string;
