import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { PrinterError, type PrinterStatus } from '../../src-main/printing/printer';
import { createTcpPrinter } from '../../src-main/printing/tcp';
import { startVirtualPrinter } from '../../src-main/printing/virtual-printer';
import { closedPort } from '../helpers/net';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function virtualPrinter(options: Parameters<typeof startVirtualPrinter>[0] = {}) {
  const printer = await startVirtualPrinter(options);
  cleanups.push(() => printer.close());
  return printer;
}

function tcpPrinter(options: Parameters<typeof createTcpPrinter>[0]) {
  const printer = createTcpPrinter(options);
  cleanups.push(() => printer.close());
  return printer;
}

/** One chunk as the listener read it, tagged with the connection it came on. */
interface Chunk {
  connection: number;
  bytes: Buffer;
}

/**
 * A plain TCP listener: logs every chunk with its connection number, closes its side when the
 * sender does, and answers a status query only when `answer` returns text for it.
 */
async function rawListener(
  answer: (connection: number, data: string) => string | undefined = () => undefined,
) {
  const log: Chunk[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    socket.on('data', (bytes: Buffer) => {
      log.push({ connection, bytes });
      const reply = answer(connection, bytes.toString('latin1'));
      if (reply) socket.write(reply);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const bytesOf = (connection: number) =>
    Buffer.concat(log.filter((c) => c.connection === connection).map((c) => c.bytes));
  return { port, log, bytesOf, connections: () => connections };
}

const idleHostStatus =
  '\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n' +
  '\x02000,0,0,0,1,2,6,0,00000000,1,000\x03\r\n' +
  '\x021234,0\x03\r\n';

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

describe('raw TCP 9100 printing', () => {
  it('is a ZPL printer on tcp://host:port', async () => {
    const tcp = tcpPrinter({ host: '127.0.0.1', port: 9100 });
    expect(tcp).toMatchObject({
      transport: 'tcp',
      language: 'zpl',
      address: 'tcp://127.0.0.1:9100',
      name: 'ZPL printer at 127.0.0.1:9100',
    });
  });

  it('delivers every byte of a job unchanged, one connection per job', async () => {
    const printer = await virtualPrinter();
    const tcp = tcpPrinter({ host: printer.host, port: printer.port });
    const job = Buffer.concat([
      Buffer.from('^XA^FO50,50^FDHello^FS'),
      Buffer.alloc(200_000, 0xab),
      Buffer.from('^XZ'),
    ]);
    await tcp.send(job);
    const [received] = await printer.waitForJobs(1);
    expect(received?.bytes.equals(job)).toBe(true);
  });

  it('keeps concurrent jobs whole and in order, with status queries between them', async () => {
    const printer = await virtualPrinter();
    const tcp = tcpPrinter({ host: printer.host, port: printer.port });
    const jobs = Array.from({ length: 5 }, (_, i) => Buffer.alloc(50_000 + i, 0x30 + i));
    const work: Promise<unknown>[] = [];
    jobs.forEach((job) => {
      work.push(tcp.send(job));
      work.push(tcp.status());
    });
    const results = await Promise.all(work);
    const received = await printer.waitForJobs(5);
    expect(received.map((j) => j.bytes.length)).toEqual(jobs.map((j) => j.length));
    received.forEach((job, i) => expect(job.bytes.equals(jobs[i] ?? Buffer.alloc(0))).toBe(true));
    // Every status came back, none became a job.
    const statuses = results.filter((_, i) => i % 2 === 1) as PrinterStatus[];
    expect(statuses.map((s) => s.message)).toEqual(Array(5).fill(msg('printer.ready')));
    expect(printer.jobs).toHaveLength(5);
  });

  it('never interleaves two jobs and a status query on the wire', async () => {
    const listener = await rawListener();
    const tcp = tcpPrinter({ host: '127.0.0.1', port: listener.port, statusTimeoutMs: 100 });
    const first = Buffer.alloc(300_000, 0x41);
    const second = Buffer.alloc(300_000, 0x42);
    await Promise.all([tcp.send(first), tcp.status(), tcp.send(second)]);
    // Collapse runs of chunks from the same connection: interleaving would repeat a number.
    const runs = listener.log
      .map((chunk) => chunk.connection)
      .filter((connection, i, all) => connection !== all[i - 1]);
    expect(runs).toEqual([1, 2, 3]);
    expect(listener.bytesOf(1).equals(first)).toBe(true);
    expect(listener.bytesOf(2).toString()).toBe('~HS');
    expect(listener.bytesOf(3).equals(second)).toBe(true);
  });

  it('reports an unreachable printer as printer-offline', async () => {
    const port = await closedPort();
    const tcp = tcpPrinter({ host: '127.0.0.1', port });
    const error = await tcp.send(Buffer.from('^XA^XZ')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).toData()).toEqual({
      code: 'printer-offline',
      ...msg('printer.net.unreachable', {
        address: `tcp://127.0.0.1:${port}`,
        code: 'ECONNREFUSED',
      }),
    });
  });

  it('reports a printer that accepts but never finishes as printer-error', async () => {
    // A listener that takes the connection and never closes its side: a hung printer.
    const sockets: net.Socket[] = [];
    const server = net.createServer({ allowHalfOpen: true }, (socket) => {
      sockets.push(socket);
      socket.on('data', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const { port } = server.address() as net.AddressInfo;
    const tcp = tcpPrinter({ host: '127.0.0.1', port, jobTimeoutMs: 200 });
    const error = await tcp.send(Buffer.from('^XA^XZ')).catch((e: unknown) => e);
    expect((error as PrinterError).code).toBe('printer-error');
  });

  it('reports a connection that breaks mid-job as printer-error', async () => {
    const server = net.createServer((socket) => {
      socket.once('data', () => socket.resetAndDestroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as net.AddressInfo;
    const tcp = tcpPrinter({ host: '127.0.0.1', port });
    const error = await tcp.send(Buffer.alloc(2_000_000, 0x41)).catch((e: unknown) => e);
    expect((error as PrinterError).code).toBe('printer-error');
    expect((error as PrinterError).said.key).toBe('printer.net.brokeMidJob');
  });
});

describe('status over raw TCP', () => {
  it('reports an unreachable port without throwing', async () => {
    const port = await closedPort();
    const tcp = tcpPrinter({ host: '127.0.0.1', port });
    const status = await tcp.status();
    expect(status).toMatchObject({
      reachable: false,
      faults: [],
      pending: null,
      source: 'none',
    });
    expect(status.message).toEqual(
      msg('printer.status.unreachable', {
        reason: msg('printer.net.codeAt', {
          code: 'ECONNREFUSED',
          address: `tcp://127.0.0.1:${port}`,
        }),
      }),
    );
  });

  it('a listener that never answers: Ready without status, and the next call does not wait', async () => {
    const listener = await rawListener();
    const statusTimeoutMs = 1000;
    const tcp = tcpPrinter({ host: '127.0.0.1', port: listener.port, statusTimeoutMs });
    const first = await timed(() => tcp.status());
    expect(first.result).toEqual({
      reachable: true,
      faults: [],
      pending: null,
      dpi: null,
      source: 'none',
      message: msg('printer.status.readyNoStatus'),
    });
    expect(first.ms).toBeGreaterThanOrEqual(statusTimeoutMs - 50);

    const second = await timed(() => tcp.status());
    expect(second.result).toEqual(first.result);
    expect(second.ms).toBeLessThan(statusTimeoutMs / 2);
    // The second call only checked the printer is there; it asked nothing.
    expect(listener.connections()).toBe(2);
    expect(listener.bytesOf(2)).toHaveLength(0);
  });

  it('asks a silent printer again once the recheck time has passed', async () => {
    // Silent on its first connection (say, it was still starting up), answering afterwards.
    const listener = await rawListener((connection, data) =>
      connection > 1 && data.includes('~HS') ? idleHostStatus : undefined,
    );
    const tcp = tcpPrinter({
      host: '127.0.0.1',
      port: listener.port,
      statusTimeoutMs: 150,
      statusRecheckMs: 0,
    });
    expect((await tcp.status()).source).toBe('none');
    expect(await tcp.status()).toMatchObject({
      source: 'printer',
      message: msg('printer.ready'),
      pending: 0,
    });
  });

  it('flags a printer that answered before and has gone silent', async () => {
    const listener = await rawListener((connection, data) =>
      connection === 1 && data.includes('~HS') ? idleHostStatus : undefined,
    );
    const tcp = tcpPrinter({ host: '127.0.0.1', port: listener.port, statusTimeoutMs: 150 });
    expect((await tcp.status()).message).toEqual(msg('printer.ready'));
    expect(await tcp.status()).toMatchObject({
      reachable: true,
      faults: ['other'],
      source: 'none',
      message: msg('printer.status.notAnswering'),
    });
  });

  it('asks ~HI once and remembers the resolution', async () => {
    const printer = await virtualPrinter({ dpi: 300 });
    const tcp = tcpPrinter({ host: printer.host, port: printer.port });
    expect((await tcp.status()).dpi).toBe(300);
    // Printer gone: the status says so and still knows the printer's resolution.
    await printer.close();
    expect(await tcp.status()).toMatchObject({ reachable: false, dpi: 300 });
  });

  it('asks ~HI only on the first status', async () => {
    const listener = await rawListener((_connection, data) => {
      if (data.includes('~HS')) return idleHostStatus;
      if (data.includes('~HI')) return '\x02ZD421-203dpi,V84.20.18Z,8,8192KB\x03\r\n';
      return undefined;
    });
    const tcp = tcpPrinter({ host: '127.0.0.1', port: listener.port });
    expect((await tcp.status()).dpi).toBe(203);
    expect((await tcp.status()).dpi).toBe(203);
    const asked = listener.log.map((chunk) => chunk.bytes.toString()).join('|');
    expect(asked.match(/~HI/g)).toHaveLength(1);
    expect(asked.match(/~HS/g)).toHaveLength(2);
  });
});
