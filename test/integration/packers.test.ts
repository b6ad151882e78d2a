// Packers sign in at the station: by badge (a second badge switches), or by name and PIN with a
// lockout after five wrong PINs; the station locks when idle; a packer cannot do a supervisor's
// work; a station with packers refuses scans until someone is signed in; every scan and the jobs
// it starts record the packer and the station; and no PIN is in the database, its WAL or the log.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackerView, SessionView } from '../../src-shared';
import { AppError } from '../../src-main/errors';
import { setLogSink } from '../../src-main/log';
import { decodeBarcodes, renderPdfPage } from '../helpers/barcode';
import { manualClock, type ManualClock } from '../helpers/clock';
import { nextEvent } from '../helpers/outbox';
import { startStationRig, type StationRig } from '../helpers/station';

/** The error code a handler threw, or 'none'. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'none';
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${error.said.key}` : String(error);
  }
}

async function addCrew(rig: StationRig, pins = { sam: '1357', pat: '2468' }) {
  const h = rig.station.handlers;
  await h['packers.add']({ name: 'Sam', role: 'supervisor', pin: pins.sam });
  // The first packer set up is at the keyboard: signed in, so they can add the rest.
  expect((await h['session.current']({})).packer?.name).toBe('Sam');
  const list = await h['packers.add']({ name: 'Pat', role: 'packer', pin: pins.pat });
  await h['session.lock']({});
  const by = (name: string) => list.find((p) => p.name === name) as PackerView;
  return { sam: by('Sam'), pat: by('Pat') };
}

function readDb<T>(rig: StationRig, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(rig.dataDir, 'packdesk.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

describe('packers sign in', () => {
  let rig: StationRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
    setLogSink({ write: (line) => process.stderr.write(line + '\n') }, 'warn');
  });

  it('works without signing in until packers are set up, then a badge signs in and a second switches', async () => {
    rig = await startStationRig();
    const h = rig.station.handlers;
    const [first, second, third] = rig.simulator
      .orders()
      .filter((o) => !o.shipping_option_code.startsWith('colissimo:'));
    if (!first || !second || !third) throw new Error('three orders');
    expect((await h['session.current']({})).required).toBe(false);
    expect((await rig.scan(first.order_number)).state).toBe('printed');

    const { sam, pat } = await addCrew(rig);
    expect(await h['session.current']({})).toMatchObject({ required: true, packer: null });
    expect(await refusal(rig.scan(second.order_number))).toBe(
      'sign-in-required packers.signInFirst',
    );

    const signedIn = nextEvent(
      rig.station,
      'session.changed',
      (s) => s.packer?.id === pat.id,
      'Pat',
    );
    const badge = await rig.scan(pat.badge);
    expect(badge).toMatchObject({ signIn: true, packer: { id: pat.id, name: 'Pat' } });
    expect(badge.step).toEqual({ key: 'packers.signedIn', params: { name: 'Pat' } });
    expect((await signedIn).packer).toEqual({ id: pat.id, name: 'Pat', role: 'packer' });

    const scanned = await rig.scan(second.order_number);
    expect(scanned).toMatchObject({ state: 'printed', packer: { id: pat.id, name: 'Pat' } });

    const switched = nextEvent(
      rig.station,
      'session.changed',
      (s) => s.packer?.id === sam.id,
      'Sam',
    );
    await rig.scan(sam.badge);
    await switched;
    expect((await rig.scan(third.order_number)).packer).toEqual({ id: sam.id, name: 'Sam' });

    const stationId = readDb<{ value: string }>(
      rig,
      `SELECT value FROM settings WHERE key = 'station.id'`,
    )[0]?.value;
    // A badge is not a scan of an order: it leaves no line in the audit.
    const audit = readDb<{ code: string; packer_id: string | null; station_id: string | null }>(
      rig,
      'SELECT code, packer_id, station_id FROM scan_audit ORDER BY started_at, rowid',
    );
    expect(audit).toEqual([
      { code: first.order_number, packer_id: null, station_id: stationId },
      { code: second.order_number, packer_id: pat.id, station_id: stationId },
      { code: third.order_number, packer_id: sam.id, station_id: stationId },
    ]);
    // The label job and the print job it makes: both the scan's.
    const jobs = readDb<{ kind: string; order_number: string; packer_id: string | null }>(
      rig,
      `SELECT kind, order_number, packer_id, station_id FROM jobs
       WHERE kind IN ('create-label', 'print') ORDER BY seq`,
    );
    expect(jobs).toEqual(
      [
        [first.order_number, null],
        [second.order_number, pat.id],
        [third.order_number, sam.id],
      ].flatMap(([order, packer]) =>
        ['create-label', 'print'].map((kind) => ({
          kind,
          order_number: order,
          packer_id: packer,
          station_id: stationId,
        })),
      ),
    );
    // The recent scans carry who scanned them, by name.
    const recent = await h['scan.recent']({ limit: 5 });
    expect(recent.map((s) => s.packer?.name ?? null)).toEqual(['Sam', 'Pat', null]);
  });

  it('refuses a wrong PIN, locks PIN sign-in for a minute after five, and lets a badge in meanwhile', async () => {
    const clock = manualClock();
    rig = await startStationRig({ clock });
    const h = rig.station.handlers;
    const { pat } = await addCrew(rig);

    for (let left = 4; left >= 1; left--) {
      try {
        await h['session.signIn']({ packerId: pat.id, pin: '0000' });
        throw new Error('a wrong PIN signed in');
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).toData()).toEqual({
          code: 'pin-refused',
          key: 'packers.pin.refused',
          params: { count: left },
        });
      }
    }
    expect(await refusal(h['session.signIn']({ packerId: pat.id, pin: '0000' }))).toBe(
      'pin-locked packers.pin.locked',
    );
    // Locked: even the right PIN is refused until the minute is over.
    expect(await refusal(h['session.signIn']({ packerId: pat.id, pin: '2468' }))).toBe(
      'pin-locked packers.pin.locked',
    );
    const locked = await h['session.current']({});
    expect(locked.pinLockedUntil).toBe(new Date(clock.now() + 60_000).toISOString());
    expect(locked.packer).toBeNull();
    // A badge still signs in: the lockout is of guessing PINs.
    expect((await rig.scan(pat.badge)).packer?.id).toBe(pat.id);
    await h['session.lock']({});

    // Restarting the station does not end the lockout early.
    expect(
      readDb<{ value: string }>(
        rig,
        `SELECT value FROM settings WHERE key = 'session.pinLockedUntil'`,
      ),
    ).toEqual([{ value: String(clock.now() + 60_000) }]);

    clock.advance(59_000);
    expect(await refusal(h['session.signIn']({ packerId: pat.id, pin: '2468' }))).toBe(
      'pin-locked packers.pin.locked',
    );
    clock.advance(1_000);
    const view = await h['session.signIn']({ packerId: pat.id, pin: '2468' });
    expect(view.packer?.id).toBe(pat.id);
    expect(view.pinLockedUntil).toBeNull();
  });

  it('locks by itself after the idle minutes, counted from the last scan, key or click', async () => {
    const clock: ManualClock = manualClock();
    rig = await startStationRig({ clock });
    const h = rig.station.handlers;
    const { sam, pat } = await addCrew(rig);
    await h['session.signIn']({ packerId: sam.id, pin: '1357' });
    expect((await h['session.settings']({ idleLockMinutes: 2 })).idleLockMinutes).toBe(2);
    await rig.scan(pat.badge);

    clock.advance(90_000);
    expect((await h['session.activity']({})).packer?.id).toBe(pat.id);
    clock.advance(90_000);
    // 3 minutes since signing in, but only 1.5 since the last key: still signed in.
    expect((await h['session.current']({})).packer?.id).toBe(pat.id);

    const lockedEvent = nextEvent(rig.station, 'session.changed', (s) => s.packer === null, 'lock');
    clock.advance(30_000);
    await lockedEvent;
    expect((await h['session.current']({})).packer).toBeNull();
    const order = rig.simulator.orders()[0];
    expect(await refusal(rig.scan(order?.order_number ?? ''))).toBe(
      'sign-in-required packers.signInFirst',
    );
    // The setting is kept.
    expect(
      readDb<{ value: string }>(
        rig,
        `SELECT value FROM settings WHERE key = ?`,
        'session.idleLockMinutes',
      ),
    ).toEqual([{ value: '2' }]);
  });

  it('the Lock button signs out', async () => {
    rig = await startStationRig();
    const h = rig.station.handlers;
    const { pat } = await addCrew(rig);
    await h['session.signIn']({ packerId: pat.id, pin: '2468' });
    const view: SessionView = await h['session.lock']({});
    expect(view.packer).toBeNull();
    expect(await refusal(h['queue.printHeld']({}))).toBe('sign-in-required packers.signInFirst');
  });

  it('a packer cannot do a supervisor’s work; a supervisor can', async () => {
    rig = await startStationRig();
    const h = rig.station.handlers;
    const { sam, pat } = await addCrew(rig);
    // Nobody signed in: not even the packers list (it holds the badge codes).
    expect(await refusal(h['packers.list']({}))).toBe('sign-in-required packers.signInFirst');

    await h['session.signIn']({ packerId: pat.id, pin: '2468' });
    const forbidden = 'forbidden packers.supervisorOnly';
    expect(await refusal(h['packers.list']({}))).toBe(forbidden);
    expect(await refusal(h['packers.add']({ name: 'Eve', role: 'supervisor', pin: '1111' }))).toBe(
      forbidden,
    );
    expect(await refusal(h['session.settings']({ idleLockMinutes: 0 }))).toBe(forbidden);
    expect(await refusal(h['outbox.settings']({ drainMode: 'hold' }))).toBe(forbidden);
    expect(await h['outbox.settings']({})).toMatchObject({ drainMode: 'print' });
    expect(
      await refusal(
        h['printers.add']({ name: 'X', kind: 'tcp', host: '127.0.0.1', port: 9100 } as never),
      ),
    ).toBe(forbidden);
    expect(await refusal(h['accounts.remove']({ id: 'any' }))).toBe(forbidden);
    expect(await refusal(h['merchants.remove']({ id: 'any' }))).toBe(forbidden);
    // What a packer does is allowed.
    expect(await refusal(h['queue.printHeld']({}))).toBe('none');

    await h['session.signIn']({ packerId: sam.id, pin: '1357' });
    expect((await h['packers.list']({})).map((p) => p.name)).toEqual(['Pat', 'Sam']);
    // The last supervisor cannot be demoted or removed.
    expect(await refusal(h['packers.update']({ id: sam.id, role: 'packer' }))).toBe(
      'invalid-input packers.needsSupervisor',
    );
    expect(await refusal(h['packers.remove']({ id: sam.id }))).toBe(
      'invalid-input packers.needsSupervisor',
    );
    // A removed packer is signed out and their badge no longer signs in.
    await h['session.signIn']({ packerId: pat.id, pin: '2468' });
    await h['session.signIn']({ packerId: sam.id, pin: '1357' });
    await h['packers.remove']({ id: pat.id });
    expect(await refusal(rig.scan(pat.badge))).toBe('sign-in-required packers.badge.removed');
  });

  it('keeps no PIN in the database, its WAL or the log', async () => {
    const logs: string[] = [];
    setLogSink({ write: (line) => logs.push(line) }, 'debug');
    rig = await startStationRig();
    const order = rig.simulator.orders()[0];
    await rig.scan(order?.order_number ?? '');
    const files = ['packdesk.sqlite', 'packdesk.sqlite-wal'].map((f) => path.join(rig!.dataDir, f));
    const everything = () =>
      [
        ...files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')),
        ...logs,
      ].join('\n');
    // Four digits may turn up in any data by chance (postcodes, label coordinates): pick PINs
    // that are nowhere yet, so any found later were put there by the packers' code.
    const seen = everything();
    const pins: string[] = [];
    for (let n = 1000; pins.length < 4 && n < 10_000; n += 37) {
      if (!seen.includes(String(n))) pins.push(String(n));
    }
    const [samPin, patPin, wrongPin, newPin] = pins as [string, string, string, string];
    const h = rig.station.handlers;
    const { sam, pat } = await addCrew(rig, { sam: samPin, pat: patPin });
    await h['session.signIn']({ packerId: pat.id, pin: patPin });
    await refusal(h['session.signIn']({ packerId: sam.id, pin: wrongPin }));
    await h['session.signIn']({ packerId: sam.id, pin: samPin });
    await h['packers.update']({ id: pat.id, pin: newPin });
    await h['session.signIn']({ packerId: pat.id, pin: newPin });

    const hashes = readDb<{ pin_hash: string }>(rig, 'SELECT pin_hash FROM packers');
    expect(hashes).toHaveLength(2);
    for (const { pin_hash } of hashes) expect(pin_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    const check = () => {
      const haystack = everything();
      expect(pins.filter((pin) => haystack.includes(pin))).toEqual([]);
    };
    check();
    expect(logs.some((line) => line.includes('wrong PIN'))).toBe(true);
    await rig.close();
    rig = undefined;
    await vi.waitFor(() => check());
  });

  it('prints the badges as an A4 sheet whose Code 128 codes sign in', async () => {
    rig = await startStationRig();
    const h = rig.station.handlers;
    const { sam, pat } = await addCrew(rig);
    await h['session.signIn']({ packerId: sam.id, pin: '1357' });
    const sheet = await h['packers.badges']({});
    expect(sheet.fileName).toMatch(/^packdesk-badges-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = Buffer.from(sheet.pdfBase64, 'base64');
    const page = await renderPdfPage(pdf, 150);
    // A4 at 150 dpi.
    expect([page.width, page.height]).toEqual([1240, 1754]);
    expect((await decodeBarcodes(page)).sort()).toEqual([pat.badge, sam.badge].sort());
    const decoded = await decodeBarcodes(page);
    expect((await rig.scan(decoded[0] ?? '')).signIn).toBe(true);
  });
});
