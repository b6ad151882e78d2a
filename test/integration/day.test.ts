// The supervisor's day through the real station: a seeded day of 2,000 shipments over 5 packers
// and 4 carriers, with the days around it, written straight into the station's SQLite. Every
// figure of day.summary is counted again here, in JavaScript, from the facts the seed was made
// of; the CSV is parsed back; the hand-over list's barcodes are read off its rendered pages.
import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startVirtualPrinter } from '../../src-main/printing/virtual-printer';
import type { DaySummary } from '../../src-shared';
import { dayRange, daysEndingWith, stationTimeZone } from '../../src-main/day/day-range';
import { decodeBarcodes, renderPdfPage } from '../helpers/barcode';
import { seedDays, type SeededDay } from '../helpers/day-seed';
import { startStationRig, type StationRig } from '../helpers/station';

const DAY = '2026-11-20';
const timeZone = stationTimeZone();
const range = dayRange(DAY, timeZone);
const fortnight = daysEndingWith(DAY, 14, timeZone);
const inDay = (ms: number | null) => ms !== null && ms >= range.fromMs && ms < range.toMs;
const iso = (ms: number) => new Date(ms).toISOString();
const countBy = <T>(items: readonly T[], key: (item: T) => string | null) => {
  const counts = new Map<string | null, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};
const localHour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });

let rig: StationRig;
let seeded: SeededDay;
let summary: DaySummary;

beforeAll(async () => {
  rig = await startStationRig();
  const stationId = (
    rig.station.db.prepare(`SELECT value FROM settings WHERE key = 'station.id'`).get() as {
      value: string;
    }
  ).value;
  // The day itself, the 15 before it (the tracking fortnight and one day past it) and the next.
  const days = [];
  for (let back = 15; back >= 1; back--) {
    const date = new Date(Date.parse(`${DAY}T12:00:00Z`) - back * 86_400_000);
    days.push({ ...dayRange(date.toISOString().slice(0, 10), timeZone), labels: 100 });
  }
  days.push({ ...range, labels: 2_000 });
  days.push({ ...dayRange('2026-11-21', timeZone), labels: 50 });
  seeded = seedDays(rig.station.db, {
    days,
    stationId,
    packerNames: ['Sanne', 'Jonas', '=HYPERLINK("http://evil")', 'Luca', 'Mila'],
  });
  summary = await rig.station.handlers['day.summary']({ day: DAY });
}, 60_000);

afterAll(async () => {
  await rig?.close();
});

const today = () => seeded.shipments.filter((s) => inDay(s.createdMs));

describe('the day summary on a seeded day of 2,000 shipments', () => {
  it('seeds what the test says: 2,000 labels over 5 packers and 4 carriers', () => {
    expect(today()).toHaveLength(2_000);
    expect(new Set(today().map((s) => s.packerId)).size).toBe(5);
    expect(new Set(today().map((s) => s.carrier)).size).toBe(4);
  });

  it('counts made, printed, reprinted, voided, failed and waiting as the facts do', () => {
    const reprints = seeded.shipments.flatMap((s) => s.reprints).filter((r) => inDay(r.atMs));
    const waiting = seeded.jobs.filter(
      (j) =>
        inDay(j.createdMs) &&
        (['queued', 'in-flight', 'waiting', 'held'].includes(j.state) ||
          (j.state === 'needs-attention' && j.lastErrorCode === 'label-stale')),
    );
    const expected = {
      made: today().length,
      printed: seeded.shipments.filter((s) => inDay(s.printedMs)).length,
      reprinted: reprints.length,
      voided: seeded.shipments.filter((s) => inDay(s.voidedMs)).length,
      failed: seeded.scans.filter((s) => s.state === 'failed' && inDay(s.startedMs)).length,
      waiting: waiting.length,
    };
    expect(summary.counts).toEqual(expected);
    // Each is something, so a zero everywhere would not pass.
    for (const value of Object.values(expected)) expect(value).toBeGreaterThan(0);
  });

  it('puts each label in its local hour', () => {
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, labels: 0 }));
    for (const s of today()) hours[Number(localHour.format(s.createdMs))]!.labels += 1;
    expect(summary.perHour).toEqual(hours);
    // The day's first and last instants are in it, the next day's first is not.
    expect(summary.perHour[0]!.labels).toBeGreaterThan(0);
    expect(summary.perHour[23]!.labels).toBeGreaterThan(0);
  });

  it('groups by carrier, account and merchant', () => {
    const carriers = countBy(today(), (s) => s.carrier);
    expect(new Map(summary.byCarrier.map((c) => [c.carrier, c.labels]))).toEqual(carriers);
    const names: Record<string, string> = { 'acct-shop': 'Webshop', 'acct-market': 'Marketplace' };
    const accounts = countBy(today(), (s) => s.accountId);
    expect(summary.byAccount).toHaveLength(accounts.size);
    for (const row of summary.byAccount) {
      expect(row.labels).toBe(accounts.get(row.accountId));
      expect(row.name).toBe(names[row.accountId]);
    }
    const merchants = countBy(
      today().filter((s) => s.merchantId !== null),
      (s) => s.merchantId,
    );
    expect(summary.byMerchant).toEqual([
      { merchantId: 'm-acme', name: '=Acme', labels: merchants.get('m-acme') },
    ]);
  });

  it('gives each packer their labels, first and last scan, errors and reprints', () => {
    expect(summary.byPacker).toHaveLength(5);
    for (const packer of seeded.packers) {
      const row = summary.byPacker.find((p) => p.packerId === packer.id);
      const scans = seeded.scans.filter((s) => s.packerId === packer.id && inDay(s.startedMs));
      const labels = today().filter((s) => s.packerId === packer.id).length;
      const first = Math.min(...scans.map((s) => s.startedMs));
      const last = Math.max(...scans.map((s) => s.startedMs));
      expect(row, packer.name).toEqual({
        packerId: packer.id,
        name: packer.name,
        labels,
        labelsPerHour: Math.round((labels / Math.max(1, (last - first) / 3_600_000)) * 10) / 10,
        firstScan: iso(first),
        lastScan: iso(last),
        errors: scans.filter((s) => s.state === 'failed').length,
        reprints: seeded.shipments
          .flatMap((s) => s.reprints)
          .filter((r) => r.packerId === packer.id && inDay(r.atMs)).length,
      });
    }
  });

  it('lists the exceptions, each with what to do about it', () => {
    const byKind = countBy(summary.exceptions, (e) => e.kind);
    const attention = seeded.jobs.filter(
      (j) => j.state === 'needs-attention' && inDay(j.createdMs),
    );
    const stale = attention.filter((j) => j.lastErrorCode === 'label-stale');
    const jobState = new Map(seeded.jobs.map((j) => [j.id, j.state]));
    const failed = seeded.scans.filter(
      (s) =>
        s.state === 'failed' &&
        inDay(s.startedMs) &&
        (s.jobId === null || jobState.get(s.jobId) !== 'needs-attention'),
    );
    expect(byKind.get('stale')).toBe(stale.length);
    expect(byKind.get('needs-attention')).toBe(attention.length - stale.length);
    expect(byKind.get('failed')).toBe(failed.length);
    expect(byKind.get('voided')).toBe(seeded.shipments.filter((s) => inDay(s.voidedMs)).length);
    expect(byKind.get('reprinted')).toBe(summary.counts.reprinted);
    // A job to retry or cancel for the stopped ones; a shipment to open for voids and reprints.
    for (const exception of summary.exceptions) {
      if (exception.kind === 'stale' || exception.kind === 'needs-attention') {
        expect(attention.map((j) => j.id)).toContain(exception.jobId);
      }
      if (exception.kind === 'voided' || exception.kind === 'reprinted') {
        expect(exception.parcelId).not.toBeNull();
        expect(exception.what.key).toBe(`day.exception.${exception.kind}`);
      }
    }
    const times = summary.exceptions.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("counts the last 14 days' tracking and lists the carrier's exceptions", () => {
    const window = seeded.shipments.filter(
      (s) => s.createdMs >= fortnight.fromMs && s.createdMs < fortnight.toMs,
    );
    const status = countBy(window, (s) => s.trackingStatus);
    expect(summary.tracking).toMatchObject({
      delivered: status.get('delivered'),
      inTransit: status.get('in-transit'),
      exception: status.get('exception'),
    });
    expect(summary.tracking.checkedAt).not.toBeNull();
    // The newest hundred are listed; the count says how many there are in all.
    const troubled = window
      .filter((s) => s.trackingStatus === 'exception')
      .sort((a, b) => b.createdMs - a.createdMs);
    expect(troubled.length).toBeGreaterThan(100);
    expect(summary.trackingExceptions.map((row) => row.parcelId)).toEqual(
      troubled.slice(0, 100).map((s) => s.parcelId),
    );
    // The 15th day back is outside the window.
    expect(window.length).toBeLessThan(seeded.shipments.length - 50);
  });
});

describe('the day as CSV', () => {
  it('parses back to one row per shipment, with the same cells', async () => {
    const out = await rig.station.handlers['day.export']({ day: DAY });
    expect(out.fileName).toBe(`packdesk-shipments-${DAY}.csv`);
    expect(out.rows).toBe(2_000);
    expect(out.csv.endsWith('\r\n')).toBe(true);
    const rows = parse(out.csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2_000);
    const packers = new Map(seeded.packers.map((p) => [p.id, p.name]));
    const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    const expected = [...today()]
      .sort((a, b) => a.createdMs - b.createdMs || a.parcelId - b.parcelId)
      .map((s) => ({
        order_number: s.orderNumber,
        tracking_number: s.trackingNumber,
        carrier: s.carrier,
        shipping_option: s.optionCode,
        packer: defuse(packers.get(s.packerId!)!),
        account: s.accountId === 'acct-shop' ? 'Webshop' : 'Marketplace',
        merchant: s.merchantId === null ? '' : "'=Acme",
        created_at: iso(s.createdMs),
        printed_at: s.printedMs === null ? '' : iso(s.printedMs),
        state:
          s.voidedMs !== null
            ? 'voided'
            : s.reprints.length > 0
              ? 'reprinted'
              : s.printedMs !== null
                ? 'printed'
                : 'made',
        reprints: String(s.reprints.length),
        cost: s.cost === null ? '' : String(s.cost),
        currency: s.cost === null ? '' : 'EUR',
      }));
    expect(
      rows.map((row) => ({ ...row, shipping_option_name: undefined, station: undefined })),
    ).toEqual(
      expected.map((row) => ({ ...row, shipping_option_name: undefined, station: undefined })),
    );
  });

  it('defuses a name that starts with =', async () => {
    const out = await rig.station.handlers['day.export']({ day: DAY });
    expect(out.csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(out.csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe("a carrier's hand-over list", () => {
  it('has every parcel of the day as a Code 128 a scanner reads, and the count', async () => {
    const ups = today().filter((s) => s.carrier === 'ups' && s.voidedMs === null);
    expect(ups.length).toBeGreaterThan(10);
    const list = await rig.station.handlers['day.handover']({
      day: DAY,
      carrier: 'ups',
      print: false,
    });
    expect(list).toMatchObject({ carrier: 'ups', parcels: ups.length, printedOn: null });
    const pdf = Buffer.from(list.pdfBase64, 'base64');
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    const found: string[] = [];
    for (let page = 1; page <= pages; page++) {
      found.push(...(await decodeBarcodes(await renderPdfPage(pdf, 150, page), 20)));
    }
    expect(found.sort()).toEqual(ups.map((s) => s.trackingNumber).sort());
  }, 60_000);

  it('prints on the A4 route, and says so when no printer takes A4 documents', async () => {
    await expect(
      rig.station.handlers['day.handover']({ day: DAY, carrier: 'ups', print: true }),
    ).rejects.toMatchObject({ code: 'printer-offline', said: { key: 'day.handover.noA4Printer' } });
    const office = await startVirtualPrinter();
    try {
      // The first PDF printer set up takes the A4 documents.
      await rig.station.handlers['printers.add']({
        name: 'Office A4',
        transport: 'tcp',
        address: office.address,
        language: 'pdf',
        dpi: 300,
        paper: 'A4',
        position: 0,
      });
      const list = await rig.station.handlers['day.handover']({
        day: DAY,
        carrier: 'ups',
        print: true,
        language: 'de',
      });
      expect(list.printedOn).toBe('Office A4');
      await vi.waitFor(() => expect(office.jobs).toHaveLength(1));
      const printed = office.jobs[0]!.bytes;
      expect(printed.subarray(0, 5).toString()).toBe('%PDF-');
      expect(printed.equals(Buffer.from(list.pdfBase64, 'base64'))).toBe(true);
    } finally {
      await office.close();
    }
  });

  it('refuses a carrier with no parcels that day', async () => {
    await expect(
      rig.station.handlers['day.handover']({ day: DAY, carrier: 'gls', print: false }),
    ).rejects.toMatchObject({ code: 'invalid-input', said: { key: 'day.handover.noParcels' } });
  });
});
