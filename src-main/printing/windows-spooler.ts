// The Windows print spooler without a native module: PowerShell runs a small C# helper that
// calls the Win32 spooler API (OpenPrinter / StartDocPrinter "RAW" / WritePrinter / EndDocPrinter).
// Only the pure parts (scripts, parsing, status and exit-code mapping) are tested, on Linux with a
// fake spawn; the real spooler needs a Windows machine, which CI does not have.
import { spawn as nodeSpawn } from 'node:child_process';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { msg, type Message } from '../../src-shared';
import { AppError } from '../errors';
import {
  PrinterError,
  describeFaults,
  type Printer,
  type PrinterFault,
  type PrinterLanguage,
  type PrinterStatus,
  type SendOptions,
} from './printer';

/** The part of a child process this module uses, so tests can hand in a fake. */
export interface SpawnedProcess {
  readonly stdin: NodeJS.WritableStream | null;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  on(event: 'close', listener: (code: number | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  kill(): boolean;
}

export type Spawn = (
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; windowsHide: boolean },
) => SpawnedProcess;

const defaultSpawn: Spawn = (command, args, options) =>
  nodeSpawn(command, [...args], { ...options, stdio: 'pipe' });

export const powershellArgs = (script: string): string[] => [
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  script,
];

/** How the scripts below end; anything else is PowerShell itself failing. */
export const exitCodes = {
  ok: 0,
  noSuchQueue: 10,
  spoolerDown: 11,
  refused: 12,
  stuck: 13,
} as const;

// Every script reads its inputs from PACKDESK_* environment variables, never from its own text:
// a queue name needs no quoting and the job's bytes never appear in a command line.
const prelude = `$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8`;

// Get-Printer -Name treats [ and * as wildcards; an exact match on Name does not.
const findQueue = `try { $all = @(Get-Printer) } catch { [Console]::Error.WriteLine($_.Exception.Message); exit ${exitCodes.spoolerDown} }
$p = $all | Where-Object { $_.Name -eq $env:PACKDESK_QUEUE } | Select-Object -First 1
if (-not $p) { [Console]::Error.WriteLine('No such printer'); exit ${exitCodes.noSuchQueue} }`;

const printerFields = `Name = $_.Name; DriverName = $_.DriverName; PortName = $_.PortName; PrinterStatus = [string]$_.PrinterStatus; JobCount = $_.JobCount; Comment = $_.Comment`;

/** Get-Printer as JSON; @() keeps it an array even for one printer. */
export const listScript = `${prelude}
try { $all = @(Get-Printer) } catch { [Console]::Error.WriteLine($_.Exception.Message); exit ${exitCodes.spoolerDown} }
$rows = @($all | ForEach-Object { [pscustomobject]@{ ${printerFields} } })
[Console]::Out.Write((ConvertTo-Json -Compress -Depth 2 -InputObject $rows))`;

export const statusScript = `${prelude}
${findQueue}
$row = $p | ForEach-Object { [pscustomobject]@{ ${printerFields} } }
[Console]::Out.Write((ConvertTo-Json -Compress -Depth 2 -InputObject @($row)))`;

const rawHelper = `using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
public static class PackdeskSpooler {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DocInfo { public string Name; public string Output; public string DataType; }
  [DllImport("winspool.drv", EntryPoint = "OpenPrinterW", SetLastError = true, CharSet = CharSet.Unicode)]
  static extern bool OpenPrinter(string name, out IntPtr printer, IntPtr defaults);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool ClosePrinter(IntPtr printer);
  [DllImport("winspool.drv", EntryPoint = "StartDocPrinterW", SetLastError = true, CharSet = CharSet.Unicode)]
  static extern int StartDocPrinter(IntPtr printer, int level, [In] DocInfo doc);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool EndDocPrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool WritePrinter(IntPtr printer, byte[] bytes, int count, out int written);
  public static int Write(string queue, string title, byte[] bytes) {
    IntPtr printer;
    if (!OpenPrinter(queue, out printer, IntPtr.Zero)) throw new Win32Exception(Marshal.GetLastWin32Error());
    try {
      DocInfo doc = new DocInfo();
      doc.Name = title;
      doc.DataType = "RAW";
      int job = StartDocPrinter(printer, 1, doc);
      if (job == 0) throw new Win32Exception(Marshal.GetLastWin32Error());
      try {
        int written;
        if (!WritePrinter(printer, bytes, bytes.Length, out written)) throw new Win32Exception(Marshal.GetLastWin32Error());
        if (written != bytes.Length) throw new Win32Exception(0, "The spooler took " + written + " of " + bytes.Length + " bytes");
      } finally { EndDocPrinter(printer); }
      return job;
    } finally { ClosePrinter(printer); }
  }
}`;

/**
 * Spool stdin as one RAW job, then wait until the job leaves the queue. A job still there at the
 * deadline is removed, or it would print when the printer returns and the retry would print twice.
 * 1801 is ERROR_INVALID_PRINTER_NAME, 1722 RPC_S_SERVER_UNAVAILABLE (the Print Spooler is stopped).
 */
export const rawPrintScript = `${prelude}
Add-Type -TypeDefinition @'
${rawHelper}
'@
$stdin = [Console]::OpenStandardInput()
$buffer = New-Object System.IO.MemoryStream
$stdin.CopyTo($buffer)
try { $jobId = [PackdeskSpooler]::Write($env:PACKDESK_QUEUE, $env:PACKDESK_TITLE, $buffer.ToArray()) }
catch {
  $e = $_.Exception; if ($e.InnerException) { $e = $e.InnerException }
  [Console]::Error.WriteLine($e.Message)
  if ($e.NativeErrorCode -eq 1801) { exit ${exitCodes.noSuchQueue} }
  if ($e.NativeErrorCode -eq 1722) { exit ${exitCodes.spoolerDown} }
  exit ${exitCodes.refused}
}
$deadline = [DateTime]::UtcNow.AddMilliseconds([double]$env:PACKDESK_TIMEOUT_MS)
while ($true) {
  $job = Get-PrintJob -PrinterName $env:PACKDESK_QUEUE -ID $jobId -ErrorAction SilentlyContinue
  if (-not $job -or [string]$job.JobStatus -match 'Printed|Complete') { exit ${exitCodes.ok} }
  if ([DateTime]::UtcNow -gt $deadline) {
    [Console]::Error.WriteLine([string]$job.JobStatus)
    Remove-PrintJob -InputObject $job -ErrorAction SilentlyContinue
    exit ${exitCodes.stuck}
  }
  Start-Sleep -Milliseconds 250
}`;

/** One row of `Get-Printer`, in the station's terms. */
export interface WindowsQueue {
  name: string;
  /** What createWindowsPrinter and the printer store take: winspool://<name>. */
  address: string;
  driver: string;
  port: string;
  /** Get-Printer's PrinterStatus as Windows words it: "Normal", "Paused, PaperOut", … */
  printerStatus: string;
  jobCount: number | null;
  comment: string;
  /** A guess for the setup screen: Zebra and generic text drivers take ZPL as RAW. */
  language: PrinterLanguage;
}

export interface WindowsQueueList {
  queues: WindowsQueue[];
  /** Why the list is empty because the spooler could not be asked; null when it answered. */
  reason: Message | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const windowsAddress = (queue: string): string => `winspool://${queue}`;

/** The queue name in winspool://<name>; a bare name is taken as it is. */
export function parseWindowsAddress(address: string): string {
  const queue = address.startsWith('winspool://') ? address.slice('winspool://'.length) : address;
  if (!queue.trim()) {
    throw new AppError('invalid-input', msg('printer.windows.noQueueNamed', { address }));
  }
  return queue;
}

/** Parse the JSON of `Get-Printer | ConvertTo-Json`: one object or an array of them. */
export function parseGetPrinterJson(json: string): WindowsQueue[] {
  // A UTF-8 console may start with a byte order mark, which JSON.parse rejects.
  const body = json.replace(/^\uFEFF/, '').trim();
  if (!body) return [];
  const parsed: unknown = JSON.parse(body);
  const rows = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
  return rows
    .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    .filter((row) => text(row.Name) !== '')
    .map((row) => {
      const driver = text(row.DriverName);
      return {
        name: text(row.Name),
        address: windowsAddress(text(row.Name)),
        driver,
        port: text(row.PortName),
        printerStatus:
          typeof row.PrinterStatus === 'number'
            ? String(row.PrinterStatus)
            : text(row.PrinterStatus),
        jobCount: typeof row.JobCount === 'number' ? row.JobCount : null,
        comment: text(row.Comment),
        language: /zdesigner|zebra|zpl|generic \/ text only/i.test(driver) ? 'zpl' : 'pdf',
      };
    });
}

const statusFaults: Record<string, PrinterFault | null> = {
  normal: null,
  printing: null,
  processing: null,
  busy: null,
  ioactive: null,
  waiting: null,
  initializing: null,
  warmingup: null,
  powersave: null,
  tonerlow: null,
  paperout: 'paper-out',
  dooropen: 'head-open',
  notoner: 'ribbon-out',
  paused: 'paused',
};

/**
 * Get-Printer's PrinterStatus ("Normal", "Paused, PaperOut", …) as a status. "Offline" means
 * the spooler cannot reach the printer, so the printer is unreachable; a bare number is a value
 * this module does not know.
 */
export function statusFromPrinterStatus(
  printerStatus: string,
  jobCount: number | null,
): PrinterStatus {
  const words = printerStatus
    .split(/[,\s]+/)
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  const faults = new Set<PrinterFault>();
  let offline = false;
  for (const word of words) {
    if (word === 'offline') {
      offline = true;
      continue;
    }
    if (word === '0') continue;
    const fault = statusFaults[word];
    if (fault === undefined) faults.add('other');
    else if (fault) faults.add(fault);
  }
  const list = [...faults];
  return {
    reachable: !offline,
    faults: list,
    pending: jobCount,
    dpi: null,
    source: 'spooler',
    message: offline
      ? msg('printer.status.unreachable', { reason: msg('printer.windows.reportsOffline') })
      : list.includes('other')
        ? msg('printer.status.windowsSays', { faults: describeFaults(list), status: printerStatus })
        : describeFaults(list),
  };
}

/** What one PowerShell (or SumatraPDF) run ended with. */
export interface ProcessResult {
  /** null when it was killed or never started. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the program could not be started at all (ENOENT: not Windows, or not installed). */
  spawnError: Error | null;
}

/** Run a program, feed it `stdin`, collect its output, and kill it past `timeoutMs`. */
export function runProcess(
  spawn: Spawn,
  command: string,
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: Uint8Array; timeoutMs: number },
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    let settled = false;
    let child: SpawnedProcess;
    const finish = (code: number | null, spawnError: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
        spawnError,
      });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
      // A child that ignores the kill must not hang the job queue.
      setTimeout(() => finish(null, null), 2000).unref();
    }, options.timeoutMs);
    try {
      child = spawn(command, args, {
        env: { ...process.env, ...options.env },
        windowsHide: true,
      });
    } catch (error) {
      finish(null, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(Buffer.from(chunk)));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(Buffer.from(chunk)));
    child.on('error', (error) => finish(null, error));
    child.on('close', (code) => finish(code, null));
    // EPIPE when the child exits before reading everything: its exit code says what happened.
    child.stdin?.on('error', () => undefined);
    if (options.stdin) child.stdin?.end(Buffer.from(options.stdin));
    else child.stdin?.end();
  });
}

const lastLine = (output: string): string =>
  output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .pop() ?? '';

/** How a spooler script ended, as the error a packer sees; null when it succeeded. */
export function errorFromExit(
  result: ProcessResult,
  context: { queue: string; timeoutMs: number },
): PrinterError | null {
  const { queue } = context;
  const detail = lastLine(result.stderr);
  if (result.spawnError) {
    const code = (result.spawnError as NodeJS.ErrnoException).code ?? result.spawnError.message;
    return new PrinterError('printer-error', msg('printer.windows.noPowershell', { code }), {
      cause: result.spawnError,
    });
  }
  if (result.timedOut) {
    return new PrinterError(
      'printer-error',
      msg('printer.windows.noAnswer', { queue, seconds: Math.round(context.timeoutMs / 1000) }),
    );
  }
  switch (result.code) {
    case exitCodes.ok:
      return null;
    case exitCodes.noSuchQueue:
      return new PrinterError('printer-error', msg('printer.windows.noQueue', { queue }));
    case exitCodes.spoolerDown:
      return new PrinterError(
        'printer-offline',
        detail
          ? msg('printer.windows.spoolerDown.detail', { detail })
          : msg('printer.windows.spoolerDown'),
      );
    case exitCodes.refused:
      return new PrinterError(
        'printer-error',
        detail
          ? msg('printer.windows.refused.detail', { queue, detail })
          : msg('printer.windows.refused', { queue }),
      );
    case exitCodes.stuck:
      return new PrinterError(
        'printer-error',
        detail
          ? msg('printer.windows.stuck.detail', {
              queue,
              seconds: Math.round(context.timeoutMs / 1000),
              detail,
            })
          : msg('printer.windows.stuck', { queue, seconds: Math.round(context.timeoutMs / 1000) }),
      );
    default:
      return new PrinterError(
        'printer-error',
        msg('printer.windows.powershellFailed', {
          queue,
          exit: result.code ?? 'killed',
          detail: detail || '-',
        }),
      );
  }
}

/** SumatraPDF where its installers put it, or on PATH; null when it is not installed. */
export function findSumatraPdf(
  env: NodeJS.ProcessEnv,
  exists: (file: string) => boolean,
  configured?: string,
): string | null {
  const exe = 'SumatraPDF.exe';
  const candidates = [
    configured,
    env.LOCALAPPDATA && path.win32.join(env.LOCALAPPDATA, 'SumatraPDF', exe),
    env.ProgramFiles && path.win32.join(env.ProgramFiles, 'SumatraPDF', exe),
    env['ProgramFiles(x86)'] && path.win32.join(env['ProgramFiles(x86)'], 'SumatraPDF', exe),
    ...(env.PATH ?? env.Path ?? '')
      .split(';')
      .filter(Boolean)
      .map((dir) => path.win32.join(dir, exe)),
  ];
  return candidates.find((file): file is string => Boolean(file) && exists(file as string)) ?? null;
}

/** SumatraPDF's command line: print at 100 % on the chosen paper, with no window or dialog. */
export function sumatraArgs(queue: string, file: string, media?: SendOptions['media']): string[] {
  const settings = ['noscale', ...(media ? [`paper=${media}`] : [])].join(',');
  return ['-print-to', queue, '-print-settings', settings, '-silent', '-exit-on-print', file];
}

export interface WindowsPrinterOptions {
  /** The queue name as Windows shows it, or winspool://<name>. */
  queue: string;
  name?: string;
  language: PrinterLanguage;
  /** The driver takes PDF as RAW data (some office printers do); otherwise PDFs go through SumatraPDF. */
  pdfDirect?: boolean;
  /** SumatraPDF.exe, when it is not where its installer puts it. */
  sumatraPath?: string;
  /** How long a job may take to leave the Windows queue. */
  jobTimeoutMs?: number;
  spawn?: Spawn;
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}

/** The queues of the Windows spooler; never throws, like listCupsQueues. */
export async function listWindowsQueues(
  options: { spawn?: Spawn; timeoutMs?: number } = {},
): Promise<WindowsQueueList> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const result = await runProcess(
    options.spawn ?? defaultSpawn,
    'powershell.exe',
    powershellArgs(listScript),
    { timeoutMs },
  );
  const error = errorFromExit(result, { queue: 'any', timeoutMs });
  if (error) return { queues: [], reason: error.said };
  try {
    return { queues: parseGetPrinterJson(result.stdout), reason: null };
  } catch {
    return { queues: [], reason: msg('printer.windows.notJson') };
  }
}

/** A Windows print queue as a Printer. */
export function createWindowsPrinter(options: WindowsPrinterOptions): Printer {
  const queue = parseWindowsAddress(options.queue);
  const spawn = options.spawn ?? defaultSpawn;
  const env = options.env ?? process.env;
  const exists = options.exists ?? fs.existsSync;
  const jobTimeoutMs = options.jobTimeoutMs ?? 30_000;
  // PowerShell takes a second or two to start and compile the helper; the job gets its own time.
  const processTimeoutMs = jobTimeoutMs + 15_000;
  let chain: Promise<void> = Promise.resolve();

  const sendRaw = async (job: Uint8Array, title: string) => {
    const result = await runProcess(spawn, 'powershell.exe', powershellArgs(rawPrintScript), {
      env: {
        PACKDESK_QUEUE: queue,
        PACKDESK_TITLE: title,
        PACKDESK_TIMEOUT_MS: String(jobTimeoutMs),
      },
      stdin: job,
      timeoutMs: processTimeoutMs,
    });
    const error = errorFromExit(result, { queue, timeoutMs: jobTimeoutMs });
    if (error) throw error;
  };

  const sendPdf = async (job: Uint8Array, media: SendOptions['media']) => {
    const sumatra = findSumatraPdf(env, exists, options.sumatraPath);
    if (!sumatra) {
      throw new PrinterError('printer-error', msg('printer.windows.noSumatra', { queue }));
    }
    const file = path.join(os.tmpdir(), `packdesk-${randomUUID()}.pdf`);
    await fs.promises.writeFile(file, job);
    try {
      const result = await runProcess(spawn, sumatra, sumatraArgs(queue, file, media), {
        timeoutMs: processTimeoutMs,
      });
      if (result.spawnError || result.timedOut || result.code !== 0) {
        const why = result.spawnError
          ? result.spawnError.message
          : result.timedOut
            ? msg('printer.windows.didNotFinish')
            : `exit ${result.code ?? 'killed'}`;
        throw new PrinterError(
          'printer-error',
          msg('printer.windows.sumatraFailed', { queue, why }),
          {
            cause: result.spawnError ?? undefined,
          },
        );
      }
    } finally {
      await fs.promises.rm(file, { force: true });
    }
  };

  return {
    name: options.name ?? `${queue} (Windows printer)`,
    address: windowsAddress(queue),
    transport: 'windows',
    language: options.language,
    send(job, sendOptions = {}) {
      const title = sendOptions.title ?? 'Packdesk label';
      const run = chain.then(() =>
        options.language === 'pdf' && !options.pdfDirect
          ? sendPdf(job, sendOptions.media)
          : sendRaw(job, title),
      );
      chain = run.catch(() => undefined);
      return run;
    },
    async status(): Promise<PrinterStatus> {
      const timeoutMs = 15_000;
      const result = await runProcess(spawn, 'powershell.exe', powershellArgs(statusScript), {
        env: { PACKDESK_QUEUE: queue },
        timeoutMs,
      });
      const error = errorFromExit(result, { queue, timeoutMs });
      const unreachable = (reason: Message): PrinterStatus => ({
        reachable: false,
        faults: [],
        pending: null,
        dpi: null,
        source: 'spooler',
        message: msg('printer.status.unreachable', { reason }),
      });
      if (error) return unreachable(error.said);
      try {
        const [row] = parseGetPrinterJson(result.stdout);
        if (!row) return unreachable(msg('printer.windows.notDescribed', { queue }));
        return statusFromPrinterStatus(row.printerStatus, row.jobCount);
      } catch {
        return unreachable(msg('printer.windows.notJson'));
      }
    },
    async close() {
      // Nothing stays open between jobs: every job is its own PowerShell run.
    },
  };
}
