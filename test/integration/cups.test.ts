// Printing through a real cupsd: a cups-pdf queue whose output PDFs are measured with poppler,
// and a raw queue whose socket backend delivers to a TCP listener started here.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import {
  createCupsPrinter,
  faultsFromStateReasons,
  listCupsQueues,
} from '../../src-main/printing/cups';
import { PrinterError } from '../../src-main/printing/printer';
import {
  mustRun,
  ensureCups,
  pdfPageSize,
  pollUntil,
  queuedJobs,
  rawQueue,
  resetQueue,
  waitForCupsPdf,
  type CupsSetup,
} from '../helpers/cups';
import { closedPort } from '../helpers/net';
import { tempDir } from '../helpers/tmp';

/** A TCP "printer" that keeps each connection's bytes and closes when the sender is done. */
async function startListener() {
  const jobs: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // CUPS' socket backend waits for the printer to close before it calls the job done.
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
      socket.end();
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    target: `socket://127.0.0.1:${port}`,
    jobs,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const A4 = { width: 595.28, height: 841.89 };
const A6 = { width: 297.64, height: 419.53 };
const text = 'Packdesk label';

/** A one-page PDF with `text` in 14 pt Helvetica at the centre, inside a border. */
async function labelPdf(size: { width: number; height: number }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([size.width, size.height]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const width = font.widthOfTextAtSize(text, 14);
  page.drawText(text, { x: (size.width - width) / 2, y: size.height / 2, size: 14, font });
  page.drawRectangle({
    x: 10,
    y: 10,
    width: size.width - 20,
    height: size.height - 20,
    borderWidth: 1,
  });
  return doc.save();
}

/** Width in points of the first word of `text` in the PDF, from pdftotext's word boxes. */
async function firstWordWidth(file: string): Promise<number> {
  const html = await mustRun('pdftotext', '-bbox', file, '-');
  const match = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>Packdesk<\/word>/.exec(
    html,
  );
  if (!match?.[1] || !match[2]) throw new Error(`"Packdesk" is not on the page of ${file}`);
  return Number(match[2]) - Number(match[1]);
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a PrinterError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(PrinterError);
      return error as PrinterError;
    },
  );

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}`;

describe('printing through CUPS', () => {
  let setup: CupsSetup;
  let listener: Awaited<ReturnType<typeof startListener>>;

  beforeAll(async () => {
    listener = await startListener();
    setup = await ensureCups(listener.target);
  }, 30_000);

  afterAll(async () => {
    await resetQueue(rawQueue);
    await listener.close();
  });

  it('lists both queues, guessing ZPL for the raw one and PDF for the driver one', async () => {
    const { queues, reason } = await listCupsQueues({ url: setup.url });
    expect(reason).toBeNull();
    expect(queues.find((q) => q.name === 'PACKDESK_PDF')).toMatchObject({
      uri: setup.pdfUri,
      raw: false,
      language: 'pdf',
      makeAndModel: expect.stringMatching(/CUPS-PDF/),
      state: 'idle',
      acceptingJobs: true,
    });
    expect(queues.find((q) => q.name === 'PACKDESK_RAW')).toMatchObject({
      uri: setup.rawUri,
      raw: true,
      language: 'zpl',
      makeAndModel: 'Local Raw Printer',
    });
  });

  describe('PDF to the cups-pdf queue', () => {
    const printer = () => createCupsPrinter({ uri: setup.pdfUri, language: 'pdf' });
    const written: string[] = [];
    afterAll(() => written.forEach((file) => fs.rmSync(file, { force: true })));
    let A4Pdf: Uint8Array;
    /** The word's width as pdf-lib drew it: a printed copy at 100 % measures the same. */
    let sourceWordWidth = 0;

    beforeAll(async () => {
      A4Pdf = await labelPdf(A4);
      const { dir, cleanup } = tempDir();
      try {
        fs.writeFileSync(path.join(dir, 'source.pdf'), A4Pdf);
        sourceWordWidth = await firstWordWidth(path.join(dir, 'source.pdf'));
      } finally {
        cleanup();
      }
    });

    it('prints an A4 page on A4 paper, text intact', async () => {
      const title = unique('packdeskA4');
      await printer().send(A4Pdf, { title, media: 'A4' });
      const file = await waitForCupsPdf(setup.pdfOutputDir, title);
      written.push(file);
      const size = await pdfPageSize(file);
      expect(Math.abs(size.width - 595)).toBeLessThanOrEqual(1);
      expect(Math.abs(size.height - 842)).toBeLessThanOrEqual(1);
      expect(await mustRun('pdftotext', file, '-')).toContain(text);
    });

    it('prints an A6 page on A6 paper when asked for A6', async () => {
      const title = unique('packdeskA6');
      await printer().send(await labelPdf(A6), { title, media: 'A6' });
      const file = await waitForCupsPdf(setup.pdfOutputDir, title);
      written.push(file);
      // The PPD has no A6 entry; CUPS asks cups-pdf for a custom 105×148 mm page instead.
      const size = await pdfPageSize(file);
      expect(Math.abs(size.width - 298)).toBeLessThanOrEqual(1);
      expect(Math.abs(size.height - 420)).toBeLessThanOrEqual(1);
      expect(await firstWordWidth(file)).toBeCloseTo(sourceWordWidth, 0);
    });

    it('never scales a label to the paper: an A4 page on A6 paper stays at 100 %', async () => {
      // CUPS would shrink it to half size by default; print-scaling=none keeps it full size.
      const title = unique('packdeskNoScale');
      await printer().send(A4Pdf, { title, media: 'A6' });
      const file = await waitForCupsPdf(setup.pdfOutputDir, title);
      written.push(file);
      expect(Math.abs((await pdfPageSize(file)).width - 298)).toBeLessThanOrEqual(1);
      expect(await firstWordWidth(file)).toBeCloseTo(sourceWordWidth, 0);
    });
  });

  describe('ZPL to the raw queue', () => {
    it('delivers the job byte for byte: no filter touches it', async () => {
      const printer = createCupsPrinter({ uri: setup.rawUri, language: 'zpl' });
      const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const job = Buffer.concat([
        Buffer.from('^XA^FO50,50^FDÄ€^FS'),
        every,
        Buffer.from('\r\n^XZ'),
      ]);
      const before = listener.jobs.length;
      await printer.send(job, { title: 'raw bytes' });
      // send resolved on job-state completed, which CUPS sets after the printer closed.
      expect(listener.jobs.length).toBe(before + 1);
      expect(listener.jobs.at(-1)?.equals(job)).toBe(true);
    });

    it('reads the queue state: ready, paused, resumed, rejecting', async () => {
      const printer = createCupsPrinter({ uri: setup.rawUri, language: 'zpl' });
      try {
        expect(await printer.status()).toEqual({
          reachable: true,
          faults: [],
          pending: 0,
          dpi: null,
          source: 'spooler',
          message: msg('printer.ready'),
        });

        await mustRun('cupsdisable', rawQueue);
        expect(await printer.status()).toMatchObject({ reachable: true, faults: ['paused'] });
        const paused = await caught(printer.send(Buffer.from('^XA^XZ')));
        expect(paused.code).toBe('printer-offline');
        expect(paused.said).toEqual(msg('printer.queue.paused', { queue: 'PACKDESK_RAW' }));

        await mustRun('cupsenable', rawQueue);
        expect((await printer.status()).message).toEqual(msg('printer.ready'));

        await mustRun('cupsreject', rawQueue);
        const rejecting = await printer.status();
        expect(rejecting.faults).toEqual(['paused']);
        expect(rejecting.message).toEqual(
          msg('printer.status.queueRejecting', {
            faults: msg('printer.faults', { faults: [msg('printer.fault.paused')] }),
          }),
        );
        const refused = await caught(printer.send(Buffer.from('^XA^XZ')));
        expect(refused.code).toBe('printer-offline');
        expect(refused.said).toEqual(msg('printer.queue.rejecting', { queue: 'PACKDESK_RAW' }));
        expect(await queuedJobs(rawQueue)).toEqual([]);
      } finally {
        await resetQueue(rawQueue);
      }
    });

    it('gives up on a job the printer never takes, and cancels it so it cannot print later', async () => {
      // CUPS' socket backend retries a refused connection for days; the job stays "processing".
      await mustRun('lpadmin', '-p', rawQueue, '-v', `socket://127.0.0.1:${await closedPort()}`);
      try {
        const printer = createCupsPrinter({
          uri: setup.rawUri,
          language: 'zpl',
          jobTimeoutMs: 2500,
        });
        const started = Date.now();
        const error = await caught(printer.send(Buffer.from('^XA^FDlost^FS^XZ')));
        expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
        expect(error.code).toBe('printer-error');
        // Why it is stuck is the socket backend's own words, as the detail.
        expect(error.said).toMatchObject({
          key: 'printer.queue.stuck.detail',
          params: { queue: 'PACKDESK_RAW', seconds: 3 },
        });
        expect(error.said.params.detail).toMatch(/may not exist or is unavailable/);
        expect(await pollUntil(async () => (await queuedJobs(rawQueue)).length === 0, 5000)).toBe(
          true,
        );
      } finally {
        await mustRun('lpadmin', '-p', rawQueue, '-v', listener.target);
        await resetQueue(rawQueue);
      }
    });
  });

  describe('without a print service', () => {
    it('lists nothing and says why', async () => {
      const list = await listCupsQueues({ url: `http://127.0.0.1:${await closedPort()}` });
      expect(list.queues).toEqual([]);
      expect(list.reason).toMatchObject({
        key: 'printer.spooler.notFound',
        params: {
          problem: { key: 'printer.spooler.nothingAnswered', params: { reason: 'ECONNREFUSED' } },
        },
      });
    });

    it('reports the printer unreachable and refuses jobs as printer-offline', async () => {
      const port = await closedPort();
      const printer = createCupsPrinter({
        uri: `ipp://127.0.0.1:${port}/printers/PACKDESK_RAW`,
        language: 'zpl',
      });
      const status = await printer.status();
      expect(status).toMatchObject({ reachable: false, faults: [], source: 'spooler' });
      const nothing = msg('printer.spooler.nothingAnswered', {
        server: `http://127.0.0.1:${port}`,
        reason: 'ECONNREFUSED',
      });
      expect(status.message).toEqual(msg('printer.status.unreachable', { reason: nothing }));
      const error = await caught(printer.send(Buffer.from('^XA^XZ')));
      expect(error.code).toBe('printer-offline');
      expect(error.said).toEqual(msg('printer.spooler.notFound', { problem: nothing }));
    });

    it('does not hang on a cupsd that accepts the connection but never answers', async () => {
      const held: net.Socket[] = [];
      const silent = net.createServer((socket) => held.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as net.AddressInfo;
      try {
        const printer = createCupsPrinter({
          uri: `ipp://127.0.0.1:${port}/printers/PACKDESK_RAW`,
          language: 'zpl',
          requestTimeoutMs: 300,
        });
        const status = await printer.status();
        expect(status.reachable).toBe(false);
        const noAnswer = msg('printer.spooler.nothingAnswered', {
          server: `http://127.0.0.1:${port}`,
          reason: msg('printer.net.noAnswerSeconds', { seconds: 0.3 }),
        });
        expect(status.message).toEqual(msg('printer.status.unreachable', { reason: noAnswer }));
        const list = await listCupsQueues({
          url: `http://127.0.0.1:${port}`,
          requestTimeoutMs: 300,
        });
        expect(list.reason).toEqual(msg('printer.spooler.notFound', { problem: noAnswer }));
      } finally {
        for (const socket of held) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });
  });
});

describe('printer-state-reasons as faults', () => {
  it('maps the IPP reasons a label printer reports', () => {
    expect(faultsFromStateReasons(['none'])).toEqual([]);
    expect(faultsFromStateReasons(['media-empty-error'])).toEqual(['paper-out']);
    expect(faultsFromStateReasons(['media-needed'])).toEqual(['paper-out']);
    expect(faultsFromStateReasons(['cover-open', 'door-open-warning'])).toEqual(['head-open']);
    expect(faultsFromStateReasons(['marker-supply-empty-error'])).toEqual(['ribbon-out']);
    expect(faultsFromStateReasons(['paused'])).toEqual(['paused']);
    expect(faultsFromStateReasons(['toner-low-report', 'connecting-to-device'])).toEqual([]);
    expect(faultsFromStateReasons(['fuser-over-temp-error'])).toEqual(['other']);
  });
});
