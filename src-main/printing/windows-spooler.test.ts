// The Windows spooler cannot run on Linux: these tests drive the module through a fake spawn and
// check what it would hand PowerShell and SumatraPDF, and how it reads their answers.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { AppError } from '../errors';
import { PrinterError } from './printer';
import {
  createWindowsPrinter,
  errorFromExit,
  exitCodes,
  findSumatraPdf,
  listWindowsQueues,
  parseGetPrinterJson,
  parseWindowsAddress,
  rawPrintScript,
  runProcess,
  statusFromPrinterStatus,
  statusScript,
  type ProcessResult,
  type Spawn,
  type SpawnedProcess,
} from './windows-spooler';

class FakeChild extends EventEmitter implements SpawnedProcess {
  readonly stdin = new PassThrough();
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  killed = false;
  kill(): boolean {
    this.killed = true;
    setImmediate(() => this.emit('close', null));
    return true;
  }
}

interface Call {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  stdin: Buffer;
  /** For SumatraPDF: the PDF file as it was while the program ran. */
  fileAtRun: Buffer | null;
}

type Answer = { code: number; stdout?: string; stderr?: string; delayMs?: number } | 'hang' | Error;

/** A spawn that records each call and answers once the child's stdin is closed. */
function fakeSpawn(answer: (call: Call) => Answer) {
  const calls: Call[] = [];
  const running = { now: 0, most: 0 };
  const spawn: Spawn = (command, args, options) => {
    const child = new FakeChild();
    running.now += 1;
    running.most = Math.max(running.most, running.now);
    child.on('close', () => (running.now -= 1));
    const chunks: Buffer[] = [];
    child.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdin.on('end', () => {
      const file = args.at(-1);
      const call: Call = {
        command,
        args,
        env: options.env,
        stdin: Buffer.concat(chunks),
        fileAtRun: file && fs.existsSync(file) ? fs.readFileSync(file) : null,
      };
      calls.push(call);
      const reply = answer(call);
      if (reply === 'hang') return;
      setTimeout(
        () => {
          if (reply instanceof Error) {
            child.emit('error', reply);
            return;
          }
          child.stdout.end(reply.stdout ?? '');
          child.stderr.end(reply.stderr ?? '');
          child.emit('close', reply.code);
        },
        reply instanceof Error ? 0 : (reply.delayMs ?? 0),
      );
    });
    return child;
  };
  return { spawn, calls, running };
}

const result = (overrides: Partial<ProcessResult>): ProcessResult => ({
  code: 0,
  stdout: '',
  stderr: '',
  timedOut: false,
  spawnError: null,
  ...overrides,
});

const context = { queue: 'ZDesigner ZD421', timeoutMs: 30_000 };

describe('raw printing through the Windows spooler', () => {
  it('pipes the job on stdin to the WritePrinter script, naming the queue only in the environment', async () => {
    const { spawn, calls } = fakeSpawn(() => ({ code: 0 }));
    const queue = `Zebra [Packing] O'Brien's "desk"`;
    const printer = createWindowsPrinter({ queue: `winspool://${queue}`, language: 'zpl', spawn });
    const job = Buffer.concat([
      Buffer.from('^XA^FDé^FS'),
      Buffer.from([0x00, 0x80, 0xff]),
      Buffer.from('^XZ'),
    ]);

    await printer.send(job, { title: 'Order 1234' });

    const [call] = calls;
    expect(call?.command).toBe('powershell.exe');
    expect(call?.args).toEqual(['-NoProfile', '-NonInteractive', '-Command', rawPrintScript]);
    expect(call?.stdin.equals(job)).toBe(true);
    expect(call?.env.PACKDESK_QUEUE).toBe(queue);
    expect(call?.env.PACKDESK_TITLE).toBe('Order 1234');
    expect(call?.args.join(' ')).not.toContain('Zebra');
    expect(printer.address).toBe(`winspool://${queue}`);
    expect(printer.transport).toBe('windows');
  });

  it('spools RAW through the Win32 API and waits for the job to leave the queue', () => {
    for (const step of ['OpenPrinterW', 'StartDocPrinterW', 'WritePrinter', 'EndDocPrinter']) {
      expect(rawPrintScript).toContain(step);
    }
    expect(rawPrintScript).toContain('doc.DataType = "RAW"');
    expect(rawPrintScript).toContain('[Console]::OpenStandardInput()');
    expect(rawPrintScript).toContain('Get-PrintJob -PrinterName $env:PACKDESK_QUEUE -ID $jobId');
    expect(rawPrintScript).toContain(`exit ${exitCodes.stuck}`);
    // The here-string closes at the start of a line, or PowerShell would not end it.
    expect(rawPrintScript).toMatch(/\n'@\n/);
  });

  it('sends one job at a time, in order', async () => {
    const { spawn, calls, running } = fakeSpawn((call) => ({
      code: 0,
      delayMs: call.stdin.toString() === 'one' ? 30 : 0,
    }));
    const printer = createWindowsPrinter({ queue: 'Zebra', language: 'zpl', spawn });
    await Promise.all([printer.send(Buffer.from('one')), printer.send(Buffer.from('two'))]);
    expect(calls.map((call) => call.stdin.toString())).toEqual(['one', 'two']);
    expect(running.most).toBe(1);
  });

  it('turns each exit of the script into an error a packer can act on', () => {
    expect(errorFromExit(result({ code: 0 }), context)).toBeNull();

    const missing = errorFromExit(result({ code: exitCodes.noSuchQueue }), context);
    expect(missing?.code).toBe('printer-error');
    expect(missing?.said).toEqual(msg('printer.windows.noQueue', { queue: 'ZDesigner ZD421' }));

    const spooler = errorFromExit(
      result({ code: exitCodes.spoolerDown, stderr: 'The spooler service is not reachable.\r\n' }),
      context,
    );
    expect(spooler?.code).toBe('printer-offline');
    expect(spooler?.said).toEqual(
      msg('printer.windows.spoolerDown.detail', {
        detail: 'The spooler service is not reachable.',
      }),
    );

    const refused = errorFromExit(
      result({ code: exitCodes.refused, stderr: 'Access is denied\r\n' }),
      context,
    );
    expect(refused?.said).toEqual(
      msg('printer.windows.refused.detail', {
        queue: 'ZDesigner ZD421',
        detail: 'Access is denied',
      }),
    );

    const stuck = errorFromExit(
      result({ code: exitCodes.stuck, stderr: 'Error, Printing' }),
      context,
    );
    expect(stuck?.code).toBe('printer-error');
    expect(stuck?.said).toEqual(
      msg('printer.windows.stuck.detail', {
        queue: 'ZDesigner ZD421',
        seconds: 30,
        detail: 'Error, Printing',
      }),
    );

    const crashed = errorFromExit(result({ code: 1, stderr: 'Add-Type : compile error' }), context);
    expect(crashed?.said).toEqual(
      msg('printer.windows.powershellFailed', {
        queue: 'ZDesigner ZD421',
        exit: 1,
        detail: 'Add-Type : compile error',
      }),
    );

    const enoent = Object.assign(new Error('spawn powershell.exe ENOENT'), { code: 'ENOENT' });
    const notWindows = errorFromExit(result({ code: null, spawnError: enoent }), context);
    expect(notWindows?.said).toEqual(msg('printer.windows.noPowershell', { code: 'ENOENT' }));

    const hung = errorFromExit(result({ code: null, timedOut: true }), context);
    expect(hung?.said).toEqual(
      msg('printer.windows.noAnswer', { queue: 'ZDesigner ZD421', seconds: 30 }),
    );
  });

  it('rejects send with the mapped PrinterError', async () => {
    const { spawn } = fakeSpawn(() => ({ code: exitCodes.spoolerDown }));
    const printer = createWindowsPrinter({ queue: 'Zebra', language: 'zpl', spawn });
    const error = await printer.send(Buffer.from('^XA^XZ')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).code).toBe('printer-offline');
  });

  it('kills a PowerShell that does not finish in time', async () => {
    const { spawn } = fakeSpawn(() => 'hang');
    const run = await runProcess(spawn, 'powershell.exe', ['-Command', 'x'], { timeoutMs: 50 });
    expect(run.timedOut).toBe(true);
    expect(run.code).toBeNull();
  });

  it('reports a machine without PowerShell instead of throwing', async () => {
    const enoent = Object.assign(new Error('spawn powershell.exe ENOENT'), { code: 'ENOENT' });
    const { spawn } = fakeSpawn(() => enoent);
    const printer = createWindowsPrinter({ queue: 'Zebra', language: 'zpl', spawn });
    const status = await printer.status();
    expect(status.reachable).toBe(false);
    expect(status.message).toEqual(
      msg('printer.status.unreachable', {
        reason: msg('printer.windows.noPowershell', { code: 'ENOENT' }),
      }),
    );
  });
});

describe('PDFs to Windows queues', () => {
  const pdf = Buffer.from('%PDF-1.7\n...\n%%EOF\n');

  it('prints through SumatraPDF at 100 % on the chosen paper, from a temporary file', async () => {
    const { spawn, calls } = fakeSpawn(() => ({ code: 0 }));
    const sumatra = 'C:\\Users\\packer\\AppData\\Local\\SumatraPDF\\SumatraPDF.exe';
    const printer = createWindowsPrinter({
      queue: 'Office A4',
      language: 'pdf',
      spawn,
      env: { LOCALAPPDATA: 'C:\\Users\\packer\\AppData\\Local' },
      exists: (file) => file === sumatra,
    });

    await printer.send(pdf, { media: 'A6' });

    const [call] = calls;
    const file = call?.args.at(-1) ?? '';
    expect(call?.command).toBe(sumatra);
    expect(call?.args.slice(0, -1)).toEqual([
      '-print-to',
      'Office A4',
      '-print-settings',
      'noscale,paper=A6',
      '-silent',
      '-exit-on-print',
    ]);
    expect(call?.fileAtRun?.equals(pdf)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('says SumatraPDF is needed when it is not installed', async () => {
    const { spawn, calls } = fakeSpawn(() => ({ code: 0 }));
    const printer = createWindowsPrinter({
      queue: 'Office A4',
      language: 'pdf',
      spawn,
      env: {},
      exists: () => false,
    });
    const error = await printer.send(pdf).catch((e: unknown) => e);
    expect((error as PrinterError).code).toBe('printer-error');
    expect((error as PrinterError).said).toEqual(
      msg('printer.windows.noSumatra', { queue: 'Office A4' }),
    );
    expect(calls).toHaveLength(0);
  });

  it('writes PDFs as RAW when the driver takes PDF directly', async () => {
    const { spawn, calls } = fakeSpawn(() => ({ code: 0 }));
    const printer = createWindowsPrinter({ queue: 'HP', language: 'pdf', pdfDirect: true, spawn });
    await printer.send(pdf);
    expect(calls[0]?.command).toBe('powershell.exe');
    expect(calls[0]?.stdin.equals(pdf)).toBe(true);
  });

  it('finds SumatraPDF where its installers put it, then on PATH', () => {
    const env = {
      LOCALAPPDATA: 'C:\\Users\\p\\AppData\\Local',
      ProgramFiles: 'C:\\Program Files',
      PATH: 'C:\\Windows;D:\\Tools',
    };
    const only = (wanted: string) => (file: string) => file === wanted;
    expect(findSumatraPdf(env, only('C:\\Program Files\\SumatraPDF\\SumatraPDF.exe'))).toBe(
      'C:\\Program Files\\SumatraPDF\\SumatraPDF.exe',
    );
    expect(findSumatraPdf(env, only('D:\\Tools\\SumatraPDF.exe'))).toBe(
      'D:\\Tools\\SumatraPDF.exe',
    );
    expect(findSumatraPdf(env, only('E:\\S.exe'), 'E:\\S.exe')).toBe('E:\\S.exe');
    expect(findSumatraPdf(env, () => false)).toBeNull();
  });
});

describe('queues and status from Get-Printer', () => {
  const twoPrinters = JSON.stringify([
    {
      Name: 'ZDesigner ZD421-203dpi ZPL',
      DriverName: 'ZDesigner ZD421-203dpi ZPL',
      PortName: 'USB001',
      PrinterStatus: 'Normal',
      JobCount: 0,
      Comment: null,
    },
    {
      Name: 'Office',
      DriverName: 'HP Universal Printing PCL 6',
      PortName: '10.0.0.9',
      PrinterStatus: 'Paused, PaperOut',
      JobCount: 2,
      Comment: 'First floor',
    },
  ]);

  it('parses the list, one printer or none, and guesses the language from the driver', () => {
    const queues = parseGetPrinterJson(twoPrinters);
    expect(queues.map((q) => [q.name, q.language, q.jobCount])).toEqual([
      ['ZDesigner ZD421-203dpi ZPL', 'zpl', 0],
      ['Office', 'pdf', 2],
    ]);
    expect(queues[0]?.address).toBe('winspool://ZDesigner ZD421-203dpi ZPL');
    expect(queues[1]?.comment).toBe('First floor');
    // PowerShell 5.1 writes a lone object, not an array, when @() is lost somewhere.
    expect(parseGetPrinterJson('{"Name":"Solo","DriverName":"Generic / Text Only"}')).toMatchObject(
      [{ name: 'Solo', language: 'zpl', printerStatus: '', jobCount: null }],
    );
    expect(parseGetPrinterJson('\uFEFF[{"Name":"Bom"}]')[0]?.name).toBe('Bom');
    expect(parseGetPrinterJson('')).toEqual([]);
    expect(parseGetPrinterJson('[]')).toEqual([]);
  });

  it('lists queues through PowerShell, and says why when the spooler is down', async () => {
    const up = fakeSpawn(() => ({ code: 0, stdout: twoPrinters }));
    expect((await listWindowsQueues({ spawn: up.spawn })).queues).toHaveLength(2);
    expect(up.calls[0]?.args.at(-1)).toContain('ConvertTo-Json');

    const down = fakeSpawn(() => ({ code: exitCodes.spoolerDown, stderr: 'not reachable' }));
    const list = await listWindowsQueues({ spawn: down.spawn });
    expect(list.queues).toEqual([]);
    expect(list.reason).toEqual(
      msg('printer.windows.spoolerDown.detail', { detail: 'not reachable' }),
    );
  });

  it('maps PrinterStatus to the faults the screen shows', () => {
    expect(statusFromPrinterStatus('Normal', 0)).toEqual({
      reachable: true,
      faults: [],
      pending: 0,
      dpi: null,
      source: 'spooler',
      message: msg('printer.ready'),
    });
    expect(statusFromPrinterStatus('Paused', 1).faults).toEqual(['paused']);
    expect(statusFromPrinterStatus('PaperOut', null).message).toEqual(
      msg('printer.faults', { faults: [msg('printer.fault.paper-out')] }),
    );
    expect(statusFromPrinterStatus('DoorOpen', null).faults).toEqual(['head-open']);
    expect(statusFromPrinterStatus('NoToner', null).faults).toEqual(['ribbon-out']);
    expect(statusFromPrinterStatus('Paused, PaperOut', 3).faults).toEqual(['paused', 'paper-out']);
    expect(statusFromPrinterStatus('Printing', 1).message).toEqual(msg('printer.ready'));
    expect(statusFromPrinterStatus('Error', null)).toMatchObject({
      faults: ['other'],
      message: msg('printer.status.windowsSays', {
        faults: msg('printer.faults', { faults: [msg('printer.fault.other')] }),
        status: 'Error',
      }),
    });
    expect(statusFromPrinterStatus('42', null).faults).toEqual(['other']);
    const offline = statusFromPrinterStatus('Offline', 0);
    expect(offline.reachable).toBe(false);
    expect(offline.message).toEqual(
      msg('printer.status.unreachable', { reason: msg('printer.windows.reportsOffline') }),
    );
  });

  it('reads one queue by its exact name for status()', async () => {
    const row = JSON.stringify([{ Name: 'Zebra [1]', PrinterStatus: 'PaperOut', JobCount: 4 }]);
    const { spawn, calls } = fakeSpawn(() => ({ code: 0, stdout: row }));
    const printer = createWindowsPrinter({ queue: 'Zebra [1]', language: 'zpl', spawn });
    expect(await printer.status()).toMatchObject({
      reachable: true,
      faults: ['paper-out'],
      pending: 4,
      source: 'spooler',
    });
    expect(calls[0]?.args.at(-1)).toBe(statusScript);
    expect(calls[0]?.env.PACKDESK_QUEUE).toBe('Zebra [1]');
    // Get-Printer -Name would read [1] as a wildcard.
    expect(statusScript).toContain('$_.Name -eq $env:PACKDESK_QUEUE');
  });

  it('takes winspool:// addresses and bare queue names', () => {
    expect(parseWindowsAddress('winspool://\\\\server\\Zebra')).toBe('\\\\server\\Zebra');
    expect(parseWindowsAddress('Zebra')).toBe('Zebra');
    expect(() => parseWindowsAddress('winspool://')).toThrow(AppError);
    try {
      parseWindowsAddress('winspool://');
    } catch (error) {
      expect((error as AppError).said).toEqual(
        msg('printer.windows.noQueueNamed', { address: 'winspool://' }),
      );
    }
  });
});
