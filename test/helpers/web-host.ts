import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningWebHost {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

const webEntry = path.resolve('out/main/web.js');

/**
 * Start the built browser host (`node out/main/web.js`, what `npm run start:web` runs after
 * building) with the given environment, and wait for the URL it prints.
 */
export function startWebHost(
  env: Record<string, string>,
  /** How long it may take to print its URL (a busy machine starting several takes longer). */
  startTimeoutMs = 30_000,
): Promise<RunningWebHost> {
  const child = spawn(process.execPath, [webEntry], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PACKDESK_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The web host printed no URL in time:\n${text}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], process: child, output: () => text, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited with ${code}:\n${text}`));
    });
  });
}
