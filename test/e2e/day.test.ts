// The Day screen in Chromium against the built host, on a station whose database was seeded
// with today's work (300 labels over 5 packers and 4 carriers): the counts match the station's
// own day.summary, the chart is recharts' bars, a packer's row is there, a table's rows move with
// the arrow keys, the CSV downloads, and screenshots in English and German.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DaySummary } from '../../src-shared';
import { catalogues } from '../../src-shared/messages/catalogues';
import { dayRange, stationTimeZone } from '../../src-main/day/day-range';
import { openDatabase } from '../../src-main/store/db';
import { localDay } from '../../src-renderer/state/day';
import { screenshotPath } from '../helpers/browser';
import { seedDays, type SeededDay } from '../helpers/day-seed';
import { startStationPage, type StationPage } from '../helpers/station-page';
import { seedSupervisor, signInSupervisor, supervisorPinHash } from '../helpers/signed-in';

describe('the Day screen (Chromium, browser host, seeded station)', () => {
  let rig: StationPage;
  let page: Page;
  let seeded: SeededDay;
  const today = localDay(new Date());

  const summary = () =>
    page.evaluate(async (day) => {
      const response = await fetch('/api/commands/day.summary', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ day }),
        credentials: 'same-origin',
      });
      return ((await response.json()) as { value: DaySummary }).value;
    }, today);

  beforeAll(async () => {
    const pinHash = await supervisorPinHash();
    rig = await startStationPage({
      viewport: { width: 1366, height: 768 },
      locale: 'en-US',
      seed: (dir) => {
        const db = openDatabase(`${dir}/packdesk.sqlite`);
        db.prepare(`INSERT INTO settings (key, value) VALUES ('station.id', 'e2e-station')`).run();
        seeded = seedDays(db, {
          days: [{ ...dayRange(today, stationTimeZone()), labels: 300 }],
          stationId: 'e2e-station',
        });
        // The seed's accounts have no keys in this keychain: their banners are not this screen's.
        db.prepare(`DELETE FROM accounts`).run();
        seedSupervisor(db, pinHash);
        db.close();
      },
    });
    ({ page } = rig);
    await signInSupervisor(page);
  });

  afterAll(() => rig?.close());

  it('shows the day’s counts, the chart and every packer', async () => {
    await page.getByTestId('nav-day').click();
    await page.getByTestId('day-counts').waitFor();
    const figures = await summary();
    expect(figures.counts.made).toBe(300);
    for (const key of ['made', 'printed', 'reprinted', 'voided', 'failed', 'waiting'] as const) {
      await expect
        .poll(() => page.getByTestId(`day-count-${key}`).getAttribute('data-value'))
        .toBe(String(figures.counts[key]));
    }
    // recharts draws one bar per hour shown; the busiest hour is said in words as well.
    expect(
      await page.locator('[data-testid="day-chart"] .recharts-bar-rectangle').count(),
    ).toBeGreaterThan(5);
    await page.getByTestId('day-chart-peak').waitFor();
    for (const packer of seeded.packers) {
      await page.getByTestId(`day-packer-${packer.id}`).waitFor();
    }
    await page.screenshot({ path: screenshotPath('day-en'), fullPage: true });
  });

  it('moves between a table’s rows with the arrow keys', async () => {
    const first = page.locator('[data-testid="day-by-packer"] tbody tr').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    const second = await page
      .locator('[data-testid="day-by-packer"] tbody tr')
      .nth(1)
      .getAttribute('data-testid');
    expect(focused).toBe(second);
  });

  it('exports the day as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('day-export').click();
    expect((await download).suggestedFilename()).toBe(`packdesk-shipments-${today}.csv`);
    await expect
      .poll(() => page.getByTestId('day-export-result').getAttribute('data-rows'))
      .toBe('300');
  });

  it('reads in German', async () => {
    await page.evaluate(() => localStorage.setItem('packdesk.language', 'de'));
    await page.reload();
    await page.getByTestId('scan-input').waitFor();
    await page.getByTestId('nav-day').click();
    await page.getByTestId('day-counts').waitFor();
    expect(await page.getByTestId('day-count-made').textContent()).toContain(
      catalogues.de['ui.day.count.made'],
    );
    await page.screenshot({ path: screenshotPath('day-de'), fullPage: true });
  });
});
