// The station starts on a database written by Packdesk at commit c921730 (schema 4, messages
// stored as English sentences, see test/fixtures/schema-4/make-db.ts) and shows its history as
// message keys after migration 5.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { latestVersion } from '../../src-main/store/migrations';
import { tempDir } from '../helpers/tmp';

const fixture = path.resolve(__dirname, '../fixtures/schema-4/packdesk-c921730.sqlite');

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function stationOnFixture(): Promise<{
  station: Station;
  dir: string;
  simulator: Simulator;
  printer: VirtualPrinter;
}> {
  const data = tempDir();
  fs.copyFileSync(fixture, path.join(data.dir, 'packdesk.sqlite'));
  const simulator = await startSimulator();
  const printer = await startVirtualPrinter();
  const station = await createStation({
    settings: {
      dataDir: data.dir,
      sendcloud: { url: simulator.url, ...simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 30_000,
      printer: { host: '127.0.0.1', port: printer.port },
    },
  });
  cleanup = async () => {
    await station.close();
    await printer.close();
    await simulator.close();
    data.cleanup();
  };
  return { station, dir: data.dir, simulator, printer };
}

describe('a schema 4 database from commit c921730', () => {
  it('opens migrated: every scan and job of its history reads as keys, none lost', async () => {
    const before = new Database(fixture, { readonly: true });
    const scansBefore = (
      before.prepare('SELECT count(*) AS n FROM scan_audit').get() as { n: number }
    ).n;
    const jobsBefore = (before.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number }).n;
    before.close();

    const { station, dir } = await stationOnFixture();
    const scans = await station.handlers['scan.recent']({ limit: 100 });
    expect(scans).toHaveLength(scansBefore);
    for (const scan of scans) {
      expect(scan.step.key, JSON.stringify(scan)).toMatch(/^scan\.step\./);
      expect(scan.step.key).not.toBe('legacy.text');
    }
    expect(scans.find((s) => s.code === 'PD-00000')).toMatchObject({
      state: 'failed',
      step: msg('scan.step.failed'),
      error: { code: 'order-not-found', ...msg('error.orderNotFound', { code: 'PD-00000' }) },
    });
    expect(scans.find((s) => s.reprint)?.step).toEqual(msg('scan.step.reprinted'));

    const db = new Database(path.join(dir, 'packdesk.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(
      (db.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number }).n,
    ).toBeGreaterThanOrEqual(jobsBefore);
    const reasons = db.prepare('SELECT reason FROM jobs WHERE reason IS NOT NULL').all() as {
      reason: string;
    }[];
    for (const { reason } of reasons) expect(JSON.parse(reason)).toHaveProperty('key');
    db.close();
  });

  it('starts on it: its queue shows why each job waits, as keys', async () => {
    const { station } = await stationOnFixture();
    const status = await station.handlers['station.status']({});
    expect(status.mode).toBe('live');
    const jobs = await station.handlers['queue.list']({});
    // The simulator here is a new Sendcloud, so the jobs move on: only their words are checked.
    for (const job of jobs) {
      if (job.reason !== null) expect(job.reason.key).not.toBe('legacy.text');
      if (job.lastError !== null) expect(job.lastError.key).toMatch(/^[a-z]+\./);
    }
    // Labels made back then are stale by now: the station asks before printing them.
    expect(jobs.map((job) => job.reason?.key)).toContain('job.stale');
    expect(jobs.map((job) => job.lastError?.key)).toContain('sendcloud.refused.detail');
  });
});
