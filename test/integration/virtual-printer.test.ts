import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { PrinterError, type PrinterFault } from '../../src-main/printing/printer';

/** The status line a printer reporting these faults shows: the list of their keys. */
const faultsSaid = (faults: PrinterFault[]) =>
  msg('printer.faults', { faults: faults.map((fault) => msg(`printer.fault.${fault}`)) });
import { createTcpPrinter, type TcpPrinterOptions } from '../../src-main/printing/tcp';
import {
  startVirtualPrinter,
  type VirtualPrinter,
  type VirtualPrinterOptions,
} from '../../src-main/printing/virtual-printer';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A virtual printer and a TCP printer pointed at it, both closed after the test. */
async function rig(
  printerOptions: VirtualPrinterOptions = {},
  tcpOptions: Partial<TcpPrinterOptions> = {},
) {
  const printer = await startVirtualPrinter(printerOptions);
  cleanups.push(() => printer.close());
  const tcp = createTcpPrinter({ host: printer.host, port: printer.port, ...tcpOptions });
  cleanups.push(() => tcp.close());
  return { printer, tcp };
}

const label = (text: string) => Buffer.from(`^XA^FO50,50^A0N,40,40^FD${text}^FS^XZ`);

/** Open a raw connection to the printer, as a diagnostic tool would. */
async function rawConnection(printer: VirtualPrinter) {
  const socket = net.connect({ host: printer.host, port: printer.port });
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let received = Buffer.alloc(0);
  const listeners = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    for (const listener of [...listeners]) listener();
  });
  cleanups.push(async () => {
    socket.destroy();
  });
  /** Resolve once `count` `<ETX>`-terminated strings have come back. */
  const answers = (count: number) =>
    new Promise<string>((resolve) => {
      const check = () => {
        const text = received.toString('latin1');
        if (text.split('\x03').length - 1 < count) return;
        listeners.delete(check);
        resolve(text);
      };
      listeners.add(check);
      check();
    });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, answers, closed };
}

describe('the virtual printer answers status queries', () => {
  it('reports Ready, nothing pending and 203 dpi by default', async () => {
    const { printer, tcp } = await rig();
    expect(await tcp.status()).toEqual({
      reachable: true,
      faults: [],
      pending: 0,
      dpi: 203,
      source: 'printer',
      message: msg('printer.ready'),
    });
    // Status connections are not jobs.
    expect(printer.jobs).toHaveLength(0);
  });

  it.each([300, 600])('reports %i dpi through ~HI', async (dpi) => {
    const { printer, tcp } = await rig({ dpi });
    expect((await tcp.status()).dpi).toBe(dpi);
    expect(printer.dpi).toBe(dpi);
  });

  it('renders at its own resolution in 300 dpi mode', async () => {
    const { printer, tcp } = await rig({ dpi: 300 });
    await tcp.send(Buffer.from('^XA^PW1200^LL1800^FO60,60^BY3^BCN,200,Y,N,N^FD3SPACK000123^FS^XZ'));
    const [job] = await printer.waitForJobs(1);
    if (!job) throw new Error('no job');
    const png = await printer.render(job);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 1800]);
  });

  it('answers a status query the moment it arrives, and keeps it out of the job', async () => {
    const { printer } = await rig();
    const { socket, answers, closed } = await rawConnection(printer);
    socket.write('^XA^FO50,50^FDbefore');
    // The command split across two writes, as the network may deliver it.
    socket.write('~H');
    socket.write('S');
    const answer = await answers(3);
    expect(answer.startsWith('\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,0,0,')).toBe(
      true,
    );
    expect(printer.jobs).toHaveLength(0);
    socket.end('^FS^XZ');
    await closed;
    const [job] = await printer.waitForJobs(1);
    expect(job?.bytes.toString()).toBe('^XA^FO50,50^FDbefore^FS^XZ');
  });

  it('answers ~HQES and ~HI in the Zebra formats', async () => {
    const { printer } = await rig({ dpi: 300, faults: ['paper-out', 'head-open'] });
    const { socket, answers } = await rawConnection(printer);
    socket.write('~HQES');
    expect(await answers(1)).toMatch(/ERRORS:\s+1 00000000 00000005\r\n\s+WARNINGS:\s+0 /);
    socket.write('~HI');
    expect((await answers(2)).endsWith('\x02VIRTUAL-ZPL-300dpi,V1.0.0,12,8192KB\x03\r\n')).toBe(
      true,
    );
  });

  it('keeps the time the last byte of a job arrived', async () => {
    const { printer, tcp } = await rig();
    const before = performance.now();
    await tcp.send(label('timed'));
    const after = performance.now();
    const [job] = await printer.waitForJobs(1);
    expect(job?.receivedAtMs).toBeGreaterThanOrEqual(before);
    expect(job?.receivedAtMs).toBeLessThanOrEqual(after);
  });
});

describe('faults in status mode', () => {
  it.each([['paper-out'], ['head-open'], ['ribbon-out'], ['paused'], ['head-too-hot']] as [
    PrinterFault,
  ][])('%s: shows in status, holds jobs, and prints them once when cleared', async (fault) => {
    const { printer, tcp } = await rig();
    printer.setFaults([fault]);
    expect(printer.faults).toEqual([fault]);
    expect(await tcp.status()).toMatchObject({
      reachable: true,
      faults: [fault],
      pending: 0,
      source: 'printer',
      message: faultsSaid([fault]),
    });

    const first = label('held 1');
    const second = label('held 2');
    await tcp.send(first);
    await tcp.send(second);
    // The printer took the bytes; nothing came out.
    expect(printer.jobs.map((job) => job.bytes.toString())).toEqual([
      first.toString(),
      second.toString(),
    ]);
    expect(printer.printed).toHaveLength(0);
    expect(await tcp.status()).toMatchObject({ faults: [fault], pending: 2 });

    printer.setFaults([]);
    expect(printer.printed.map((job) => job.bytes.toString())).toEqual([
      first.toString(),
      second.toString(),
    ]);
    expect(await tcp.status()).toMatchObject({
      faults: [],
      pending: 0,
      message: msg('printer.ready'),
    });

    // Later jobs print straight away, and the held ones do not print again.
    await tcp.send(label('after'));
    await printer.waitForPrinted(3);
    expect(printer.printed.map((job) => job.bytes.toString())).toEqual([
      first.toString(),
      second.toString(),
      label('after').toString(),
    ]);
  });

  it('reports several faults together and holds jobs until the last one clears', async () => {
    const { printer, tcp } = await rig({ faults: ['head-open', 'paper-out'] });
    expect((await tcp.status()).message).toEqual(faultsSaid(['paper-out', 'head-open']));
    await tcp.send(label('one'));
    printer.setFaults(['paper-out']);
    expect(await tcp.status()).toMatchObject({ faults: ['paper-out'], pending: 1 });
    expect(printer.printed).toHaveLength(0);
    printer.setFaults([]);
    await printer.waitForPrinted(1);
    expect(printer.printed).toHaveLength(1);
  });

  it('prints the moment a job arrives when nothing is wrong', async () => {
    const { printer, tcp } = await rig();
    await tcp.send(label('now'));
    expect(printer.jobs).toHaveLength(1);
    expect(printer.printed).toEqual(printer.jobs);
  });

  it('reports a hot head through ~HQES, and other errors only through ~HQES', async () => {
    const basic = await rig({ faults: ['other'] });
    expect((await basic.tcp.status()).faults).toEqual([]);

    const { printer, tcp } = await rig({ faults: ['other'] }, { extendedStatus: true });
    expect(await tcp.status()).toMatchObject({ faults: ['other'], message: faultsSaid(['other']) });
    printer.setFaults(['head-too-hot']);
    expect(await tcp.status()).toMatchObject({
      faults: ['head-too-hot'],
      message: faultsSaid(['head-too-hot']),
    });
    printer.setFaults([]);
    expect((await tcp.status()).message).toEqual(msg('printer.ready'));
  });

  it('buffer full: refuses job data, so the sender times out; the job lands once it clears', async () => {
    const { printer, tcp } = await rig({}, { jobTimeoutMs: 300 });
    printer.setFaults(['buffer-full']);
    expect(await tcp.status()).toMatchObject({
      faults: ['buffer-full'],
      message: faultsSaid(['buffer-full']),
    });

    const job = label('stuck');
    const error = await tcp.send(job).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).code).toBe('printer-error');
    expect(printer.jobs).toHaveLength(0);

    printer.setFaults([]);
    // The bytes were waiting in the printer's socket; a real printer reads and prints them too.
    await printer.waitForPrinted(1);
    expect(printer.printed.map((j) => j.bytes.toString())).toEqual([job.toString()]);
    expect((await tcp.status()).message).toEqual(msg('printer.ready'));
    await tcp.send(label('next'));
    expect(printer.printed).toHaveLength(2);
    expect(printer.jobs).toHaveLength(2);
  });

  it('buffer full: leaves a large job waiting in the socket, and takes all of it once cleared', async () => {
    const { printer, tcp } = await rig({ faults: ['buffer-full'] });
    const { socket, closed } = await rawConnection(printer);
    // Far more than the loopback socket buffers hold, so the sender must be left waiting.
    const job = Buffer.alloc(32 * 1024 * 1024, 0x5a);
    socket.end(job);
    // Two status round trips: time enough for a printer that kept reading to drain it all.
    expect((await tcp.status()).faults).toEqual(['buffer-full']);
    expect((await tcp.status()).faults).toEqual(['buffer-full']);
    expect(socket.writableLength).toBeGreaterThan(0);
    expect(printer.jobs).toHaveLength(0);

    printer.setFaults([]);
    const [received] = await printer.waitForPrinted(1);
    await closed;
    expect(received?.bytes.equals(job)).toBe(true);
  });

  it('without status support it never answers, and still prints', async () => {
    const { printer, tcp } = await rig({ answersStatus: false }, { statusTimeoutMs: 200 });
    expect(await tcp.status()).toEqual({
      reachable: true,
      faults: [],
      pending: null,
      dpi: null,
      source: 'none',
      message: msg('printer.status.readyNoStatus'),
    });
    await tcp.send(label('plain'));
    expect(printer.printed).toHaveLength(1);
    expect(printer.jobs).toHaveLength(1);
  });
});
