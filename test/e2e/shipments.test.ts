// The Shipments screen end to end (Chromium, browser host, simulator, TCP printer), over rows
// written into the station's SQLite before it starts: the table by the keyboard, search and
// filters checked against the same view logic run here, the details panel opening and closing,
// and a search that finds nothing here asking Sendcloud.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ShipmentRow } from '../../src-shared';
import { stationIdentity } from '../../src-main/station/identity';
import { openStationDatabase } from '../../src-main/station/starting-point';
import {
  emptyQuery,
  filterRows,
  indexRows,
  type ShipmentQuery,
} from '../../src-renderer/state/shipments';
import { seededRows, seedShipments } from '../helpers/shipments';
import { startStationPage, type StationPage } from '../helpers/station-page';

const COUNT = 300;

describe('the Shipments screen in the real UI', () => {
  let rig: StationPage;
  let page: Page;
  let rows: ShipmentRow[] = [];
  const expected = (query: Partial<ShipmentQuery>) =>
    filterRows(indexRows(rows), { ...emptyQuery, ...query }).length;
  const shownCount = async () =>
    Number(await page.getByTestId('shipments-table').getAttribute('data-count'));
  const selected = () =>
    page
      .locator('[data-testid="shipments-row"][aria-selected="true"]')
      .getAttribute('data-parcel-id');

  beforeAll(async () => {
    rig = await startStationPage({
      viewport: { width: 1366, height: 768 },
      seed: (dataDir) => {
        const db = openStationDatabase(dataDir);
        const identity = stationIdentity(db, randomUUID, 'E2E station');
        rows = seededRows(COUNT, Date.now(), identity);
        seedShipments(db, rows, identity.id);
        db.close();
      },
    });
    page = rig.page;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('opens on F3 with every row of the last 14 days, newest first', async () => {
    await page.keyboard.press('F3');
    await page.locator('[data-testid="shipments-table"][data-complete="true"]').waitFor();
    expect(await shownCount()).toBe(COUNT);
    const first = page.getByTestId('shipments-row').first();
    expect(await first.getAttribute('data-parcel-id')).toBe(String(rows[0]?.parcelId));
    expect(await first.textContent()).toContain('E2E station');
  });

  it('moves the selection with the arrows, Page Down, End and Home', async () => {
    await page.getByTestId('shipments-grid').focus();
    expect(await selected()).toBe(String(rows[0]?.parcelId));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe(String(rows[2]?.parcelId));
    await page.keyboard.press('ArrowUp');
    expect(await selected()).toBe(String(rows[1]?.parcelId));
    await page.keyboard.press('End');
    // The last row is rendered (scrolled into view) and selected.
    await expect.poll(selected).toBe(String(rows.at(-1)?.parcelId));
    await page.keyboard.press('Home');
    await expect.poll(selected).toBe(String(rows[0]?.parcelId));
    await page.keyboard.press('PageDown');
    expect(Number(await selected())).toBeLessThan(rows[0]?.parcelId ?? 0);
  });

  it('searches from `/` by order, name or postcode, and Escape clears the search', async () => {
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('shipments-search');
    for (const text of ['ORD-100150', 'müller 1', '75001']) {
      await page.getByTestId('shipments-search').fill(text);
      await expect.poll(shownCount).toBe(expected({ text }));
      expect(expected({ text })).toBeGreaterThan(0);
    }
    await page.keyboard.press('Escape');
    await expect.poll(shownCount).toBe(COUNT);
  });

  it('filters by carrier, state and packer', async () => {
    await page.getByTestId('shipments-carrier').selectOption('dhl');
    await expect.poll(shownCount).toBe(expected({ carrier: 'dhl' }));
    await page.getByTestId('shipments-state').selectOption('reprinted');
    await expect.poll(shownCount).toBe(expected({ carrier: 'dhl', state: 'reprinted' }));
    await page.getByTestId('shipments-clear').click();
    await page.getByTestId('shipments-packer').selectOption('p-2');
    await expect.poll(shownCount).toBe(expected({ packer: 'p-2' }));
    await page.getByTestId('shipments-clear').click();
    await expect.poll(shownCount).toBe(COUNT);
  });

  it('opens a shipment with Enter and puts it away with Escape, back on its row', async () => {
    await page.getByTestId('shipments-grid').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('shipment-details');
    await panel.waitFor();
    expect(await panel.getAttribute('data-parcel-id')).toBe(String(rows[1]?.parcelId));
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('shipments-grid');
    expect(await selected()).toBe(String(rows[1]?.parcelId));
  });

  it('asks Sendcloud when a search finds nothing here', async () => {
    await page.getByTestId('shipments-search').fill('NOT-HERE-42');
    await expect.poll(shownCount).toBe(0);
    await page.getByTestId('shipments-empty').waitFor();
    // Whatever Sendcloud answers, the look-up was made and its outcome is shown.
    await expect
      .poll(() => page.getByTestId('shipments-lookup').getAttribute('data-state'))
      .toMatch(/^(done|failed)$/);
    await page.getByTestId('shipments-search').fill('');
  });
});
