// Types for system-packages.mjs (a plain Node script: `npm run setup` runs before node_modules exists).
export interface Requirement {
  name: string;
  command?: string;
  file?: string;
  why: string;
}
export declare const debianRequirements: readonly Requirement[];
export declare function missingPackages(
  requirements: readonly Requirement[],
  present: (requirement: Requirement) => boolean,
): string[];
export declare function aptCommands(
  missing: readonly string[],
  options: { root: boolean },
): string[][];
export declare function platformAdvice(
  platform: NodeJS.Platform,
  options: { hasApt: boolean },
): string[] | null;
