// Types for test-services.mjs (plain Node, run by scripts/test.mjs).
export interface Service {
  env: Record<string, string>;
  stop(): Promise<void>;
}
export declare function startKeyringSession(dir: string, log: number): Promise<Service>;
export declare function startCups(dir: string, log: number): Promise<Service | null>;
export declare function cupsConfig(
  dir: string,
  port: number,
): { 'cupsd.conf': string; 'cups-files.conf': string };
