import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { msg, type PrinterSetup } from '../../src-shared';
import { AppError } from '../errors';
import { migrate } from '../store/migrations';
import type { PrinterRecord } from '../store/printers';
import type { Printer, PrinterStatus } from './printer';
import { createPrinterRegistry } from './registry';

const ready: PrinterStatus = {
  reachable: true,
  faults: [],
  pending: 0,
  dpi: null,
  source: 'printer',
  message: msg('printer.ready'),
};

/** What a call threw, for asserting its code and message key. */
async function thrown(call: () => unknown): Promise<AppError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

/** A printer whose status a test sets; it never prints. */
function fakePrinter(record: Pick<PrinterRecord, 'name' | 'address' | 'language'>) {
  let status: PrinterStatus = ready;
  const printer: Printer & { set(next: PrinterStatus): void } = {
    name: record.name,
    address: record.address,
    transport: 'tcp',
    language: record.language,
    send: () => Promise.resolve(),
    status: () => Promise.resolve(status),
    close: () => Promise.resolve(),
    set(next) {
      status = next;
    },
  };
  return printer;
}

const virtualRecord: PrinterRecord = {
  id: 'virtual',
  name: 'Virtual ZPL printer',
  transport: 'tcp',
  address: 'tcp://127.0.0.1:9',
  language: 'zpl',
  dpi: 203,
  paper: 'A6',
  position: 0,
  createdAt: '2026-11-21T09:00:00Z',
};

function registry(
  options: { fixed?: 'override' | 'fallback'; open?: (r: PrinterRecord) => Printer } = {},
) {
  const db = new Database(':memory:');
  migrate(db);
  let n = 0;
  const changes: PrinterSetup[] = [];
  const readied: string[] = [];
  const virtual = fakePrinter(virtualRecord);
  const opened = new Map<string, ReturnType<typeof fakePrinter>>();
  const make = (db2: Database.Database) =>
    createPrinterRegistry({
      db: db2,
      clock: { now: () => Date.parse('2026-11-21T10:00:00Z'), sleep: () => Promise.resolve() },
      newId: () => `p${++n}`,
      open:
        options.open ??
        ((record) => {
          const printer = fakePrinter(record);
          opened.set(record.id, printer);
          return printer;
        }),
      fixed: options.fixed
        ? [
            {
              record: virtualRecord,
              printer: virtual,
              ...(options.fixed === 'override'
                ? { routes: ['zpl-label' as const] }
                : { fallback: ['zpl-label' as const] }),
            },
          ]
        : [],
      pollMs: 0,
      onChange: (setup) => changes.push(setup),
      onReady: (id) => readied.push(id),
    });
  return { db, registry: make(db), reopen: () => make(db), changes, readied, virtual, opened };
}

const zebra = {
  name: 'Zebra',
  transport: 'tcp' as const,
  address: 'tcp://10.0.0.7:9100',
  language: 'zpl' as const,
  dpi: 203 as const,
  paper: 'A6' as const,
  position: 0 as const,
};
const office = {
  ...zebra,
  name: 'Office',
  transport: 'cups' as const,
  address: 'ipp://127.0.0.1:631/printers/A4',
  language: 'pdf' as const,
  paper: 'A4' as const,
};

describe('the printer registry', () => {
  it('gives the first printer of a kind its documents; the virtual fallback steps aside', () => {
    const { registry: r } = registry({ fixed: 'fallback' });
    expect(r.routes()['zpl-label']).toBe('virtual');
    r.add(zebra);
    r.add(office);
    expect(r.routes()).toEqual({ 'zpl-label': 'p1', 'pdf-label': null, 'a4-document': 'p2' });
    // Unrouting falls back to the stand-in again, never to nothing in demo mode.
    r.route('zpl-label', null);
    expect(r.routes()['zpl-label']).toBe('virtual');
  });

  it('lets the environment’s printer override the stored choice, and refuses to change it', async () => {
    const { registry: r } = registry({ fixed: 'override' });
    r.add(zebra);
    expect(r.routes()['zpl-label']).toBe('virtual');
    expect((await thrown(() => r.route('zpl-label', 'p1'))).toData()).toEqual({
      code: 'forbidden',
      ...msg('printer.route.fixed.zpl-label'),
    });
    expect((await thrown(() => r.remove('virtual'))).said.key).toBe('printer.fixed');
  });

  it('routes only documents a printer can print', async () => {
    const { registry: r } = registry();
    r.add(zebra);
    r.add(office);
    expect((await thrown(() => r.route('zpl-label', 'p2'))).said).toEqual(
      msg('printer.route.zplNeedsZpl'),
    );
    expect((await thrown(() => r.route('a4-document', 'p1'))).said).toEqual(
      msg('printer.route.a4NeedsPdf'),
    );
    r.route('pdf-label', 'p1');
    expect(r.printerFor('pdf-label')?.record.name).toBe('Zebra');
  });

  it('refuses an address twice and one its transport cannot open, storing neither', async () => {
    const { registry: r, db } = registry({
      open: (record) => {
        if (record.address.includes('bad')) {
          throw new AppError(
            'invalid-input',
            msg('printer.address.notUsb', { address: 'usb://bad' }),
          );
        }
        return fakePrinter(record);
      },
    });
    r.add(zebra);
    expect((await thrown(() => r.add({ ...zebra, name: 'Again' }))).toData()).toEqual({
      code: 'invalid-input',
      ...msg('printer.addressTaken', { address: zebra.address, printer: 'Zebra' }),
    });
    expect(
      (await thrown(() => r.add({ ...zebra, transport: 'usb', address: 'usb://bad' }))).toData(),
    ).toEqual({
      code: 'invalid-input',
      ...msg('printer.address.notUsb', { address: 'usb://bad' }),
    });
    expect(db.prepare('SELECT count(*) AS n FROM printers').get()).toEqual({ n: 1 });
  });

  it('starts with a stored printer that no longer opens, and says why', async () => {
    const first = registry();
    first.registry.add(zebra);
    const broken = createPrinterRegistry({
      db: first.db,
      clock: { now: () => 0, sleep: () => Promise.resolve() },
      newId: () => 'x',
      open: () => {
        throw new Error('libusb is not installed');
      },
      onChange: () => undefined,
      onReady: () => undefined,
    });
    const status = await broken.refresh('p1');
    expect(status).toMatchObject({
      reachable: false,
      message: msg('printer.status.unavailable', {
        reason: msg('printer.cannotOpen', { detail: 'libusb is not installed' }),
      }),
    });
    await expect(broken.get('p1').printer.send(Buffer.from('^XA^XZ'))).rejects.toMatchObject({
      code: 'printer-offline',
    });
  });

  it('says when a printer is ready again, so the labels waiting for it go', async () => {
    const { registry: r, opened, readied, changes } = registry();
    r.add(zebra);
    await r.refresh('p1');
    readied.length = 0;
    const printer = opened.get('p1')!;
    printer.set({
      ...ready,
      faults: ['paper-out'],
      message: msg('printer.faults', { faults: [msg('printer.fault.paper-out')] }),
    });
    await r.refresh('p1');
    expect(readied).toEqual([]);
    expect(changes.at(-1)?.printers[0]?.status.faults).toEqual(['paper-out']);
    printer.set(ready);
    await r.refresh('p1');
    expect(readied).toEqual(['p1']);
    // The same status again is no change: nothing pushed, nothing woken.
    const pushed = changes.length;
    await r.refresh('p1');
    expect(changes).toHaveLength(pushed);
    expect(readied).toEqual(['p1']);
  });
});
