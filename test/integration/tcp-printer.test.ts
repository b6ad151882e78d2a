import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterError } from '../../src-main/printing/printer';
import { createTcpPrinter } from '../../src-main/printing/tcp';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { closedPort } from '../helpers/net';

describe('raw TCP 9100 printing', () => {
  let printer: VirtualPrinter | undefined;
  afterEach(async () => {
    await printer?.close();
    printer = undefined;
  });

  it('delivers every byte of a job unchanged, one connection per job', async () => {
    printer = await startVirtualPrinter();
    const tcp = createTcpPrinter({ host: printer.host, port: printer.port });
    const job = Buffer.concat([
      Buffer.from('^XA^FO50,50^FDHello^FS'),
      Buffer.alloc(200_000, 0xab),
      Buffer.from('^XZ'),
    ]);
    await tcp.print(job);
    const [received] = await printer.waitForJobs(1);
    expect(received?.bytes.equals(job)).toBe(true);
  });

  it('keeps concurrent jobs whole and in order', async () => {
    printer = await startVirtualPrinter();
    const tcp = createTcpPrinter({ host: printer.host, port: printer.port });
    const jobs = Array.from({ length: 5 }, (_, i) => Buffer.alloc(50_000 + i, 0x30 + i));
    await Promise.all(jobs.map((job) => tcp.print(job)));
    const received = await printer.waitForJobs(5);
    expect(received.map((j) => j.bytes.length)).toEqual(jobs.map((j) => j.length));
    received.forEach((job, i) => expect(job.bytes.equals(jobs[i] ?? Buffer.alloc(0))).toBe(true));
  });

  it('reports an unreachable printer as printer-offline', async () => {
    const tcp = createTcpPrinter({ host: '127.0.0.1', port: await closedPort() });
    const error = await tcp.print(Buffer.from('^XA^XZ')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).code).toBe('printer-offline');
    expect((error as PrinterError).message).toMatch(/unreachable/);
  });

  it('reports a printer that accepts but never finishes as printer-error', async () => {
    // A listener that takes the connection and never closes its side: a hung printer.
    const sockets: net.Socket[] = [];
    const server = net.createServer({ allowHalfOpen: true }, (socket) => {
      sockets.push(socket);
      socket.on('data', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const tcp = createTcpPrinter({ host: '127.0.0.1', port, jobTimeoutMs: 200 });
    const error = await tcp.print(Buffer.from('^XA^XZ')).catch((e: unknown) => e);
    expect((error as PrinterError).code).toBe('printer-error');
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

describe('the virtual ZPL printer', () => {
  it('renders a received job to a 4×6 PNG at 203 dpi', async () => {
    const printer = await startVirtualPrinter();
    try {
      const tcp = createTcpPrinter({ host: printer.host, port: printer.port });
      await tcp.print(
        Buffer.from('^XA^PW812^LL1218^FO40,40^BY3^BCN,150,Y,N,N^FD3SPACK000123^FS^XZ'),
      );
      const [job] = await printer.waitForJobs(1);
      if (!job) throw new Error('no job');
      const png = await printer.render(job);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // IHDR: width and height are the first two big-endian words after the chunk type.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([812, 1218]);
    } finally {
      await printer.close();
    }
  });
});
