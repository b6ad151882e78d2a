// A real CUPS scheduler for the integration tests, with a cups-pdf queue and a raw queue. `npm test`
// starts one of its own and names it in CUPS_SERVER (scripts/test-services.mjs); without it, the
// one on 127.0.0.1:631. `npm run setup` installs the packages; nothing here installs anything.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** host:port of the scheduler; the CUPS tools (lpadmin, lpstat, …) read the same variable. */
const server = /^[\w.-]+:\d+$/.test(process.env.CUPS_SERVER ?? '')
  ? (process.env.CUPS_SERVER as string)
  : '127.0.0.1:631';
export const cupsUrl = `http://${server}`;
export const pdfQueue = 'PACKDESK_PDF';
export const rawQueue = 'PACKDESK_RAW';

const cupsd = '/usr/sbin/cupsd';
const cupsPdfPpd = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
const cupsPdfConf = '/etc/cups/cups-pdf.conf';

export interface CupsSetup {
  url: string;
  /** ipp://<server>/printers/PACKDESK_PDF, a cups-pdf queue whose paper defaults to A4. */
  pdfUri: string;
  /** ipp://<server>/printers/PACKDESK_RAW, a queue with no driver. */
  rawUri: string;
  /** Where cups-pdf writes the PDFs of jobs sent by this user. */
  pdfOutputDir: string;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a CUPS command line tool; never throws, the caller reads the code. */
export function run(command: string, args: readonly string[], timeoutMs = 10_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, [...args], { timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (error && code !== 0 ? error.message : '') });
    });
  });
}

/** Run a command that must succeed (lpadmin, cupsenable, pdfinfo, …). */
export async function mustRun(command: string, ...args: string[]): Promise<string> {
  const result = await run(command, args);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`,
    );
  }
  return result.stdout;
}

const schedulerRunning = async () => (await run('lpstat', ['-r'])).stdout.includes('is running');

/** Poll until `check` holds or the deadline passes; returns whether it held. */
export async function pollUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** cups-pdf's `Out` directory for this user: `${HOME}/PDF` unless the config says otherwise. */
function cupsPdfOutputDir(): string {
  const user = os.userInfo();
  const conf = fs.readFileSync(cupsPdfConf, 'utf8');
  const out = /^Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '${HOME}/PDF';
  return out.replace(/\$\{HOME\}/g, user.homedir).replace(/\$\{USER\}/g, user.username);
}

function assertInstalled(): void {
  const needed = [
    cupsd,
    '/usr/bin/lpstat',
    '/usr/sbin/lpadmin',
    '/usr/sbin/cupsenable',
    '/usr/lib/cups/backend/cups-pdf',
    cupsPdfPpd,
    cupsPdfConf,
    '/usr/bin/pdfinfo',
  ];
  const missing = needed.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `CUPS is not installed (missing ${missing.join(', ')}). npm run setup installs it.`,
    );
  }
}

/**
 * The scheduler with both test queues, enabled, accepting and empty. `npm test` starts a cupsd of
 * its own for the run (as root: only root runs cups-pdf) and stops it afterwards.
 * `rawTarget` is where the raw queue sends its bytes, e.g. socket://127.0.0.1:9100.
 */
export async function ensureCups(rawTarget: string): Promise<CupsSetup> {
  assertInstalled();
  if (!(await schedulerRunning())) {
    throw new Error(
      `No CUPS scheduler answers at ${server}. Run the tests through npm test (npm test -- <file>), ` +
        'which starts one of its own as root, or start CUPS.',
    );
  }

  const pdfUri = await ensurePdfQueue(pdfQueue);
  // No -m or -P: a raw queue; -v re-points it at this run's listener.
  await mustRun('lpadmin', '-p', rawQueue, '-v', rawTarget, '-E');
  await resetQueue(rawQueue);

  return {
    url: cupsUrl,
    pdfUri,
    rawUri: `ipp://${server}/printers/${rawQueue}`,
    pdfOutputDir: cupsPdfOutputDir(),
  };
}

/**
 * A cups-pdf queue (A4), enabled, accepting and empty; its ipp:// address. A test that stops its
 * queue or counts its jobs takes one of its own: every ensureCups empties and enables the shared
 * one, and test files run side by side.
 */
export async function ensurePdfQueue(queue: string): Promise<string> {
  const existing = await run('lpstat', ['-v', queue]);
  if (existing.code !== 0 || !existing.stdout.includes('cups-pdf:/')) {
    await mustRun(
      'lpadmin',
      '-p',
      queue,
      '-v',
      'cups-pdf:/',
      '-P',
      cupsPdfPpd,
      '-E',
      '-o',
      'PageSize=A4',
    );
  }
  await resetQueue(queue);
  return `ipp://${server}/printers/${queue}`;
}

/** Enabled, accepting, and no jobs left from a failed earlier run. */
export async function resetQueue(queue: string): Promise<void> {
  await mustRun('cupsenable', queue);
  await mustRun('cupsaccept', queue);
  await mustRun('cancel', '-a', queue);
}

/** The jobs CUPS still holds for `queue` (`lpstat -o`), one line each. */
export async function queuedJobs(queue: string): Promise<string[]> {
  const { stdout } = await run('lpstat', ['-o', queue]);
  return stdout.split('\n').filter((line) => line.trim() !== '');
}

/** Wait for cups-pdf to write the PDF of the job titled `title`; its files are `<title>…-job_N.pdf`. */
export async function waitForCupsPdf(
  dir: string,
  title: string,
  timeoutMs = 10_000,
): Promise<string> {
  let found: string | undefined;
  const seen = await pollUntil(() => {
    found = fs.existsSync(dir)
      ? fs.readdirSync(dir).find((file) => file.startsWith(title) && file.endsWith('.pdf'))
      : undefined;
    return found !== undefined;
  }, timeoutMs);
  if (!seen || !found) throw new Error(`cups-pdf wrote no PDF titled "${title}" in ${dir}.`);
  return path.join(dir, found);
}

/** Page size in points as pdfinfo reports it: "Page size: 595 x 842 pts (A4)". */
export async function pdfPageSize(file: string): Promise<{ width: number; height: number }> {
  const info = await mustRun('pdfinfo', file);
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  if (!match?.[1] || !match[2]) throw new Error(`pdfinfo gave no page size for ${file}:\n${info}`);
  return { width: Number(match[1]), height: Number(match[2]) };
}
