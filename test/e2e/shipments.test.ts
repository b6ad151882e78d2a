// The Shipments screen end to end (Chromium, browser host, simulator, TCP printer), over rows
// written into the station's SQLite before it starts: the table by the keyboard, search and
// filters checked against the same view logic run here, the details panel opening and closing,
// and a search that finds nothing here asking Sendcloud.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { msg, type ShipmentDetails, type ShipmentRow } from '../../src-shared';
import { stationIdentity } from '../../src-main/station/identity';
import { openStationDatabase } from '../../src-main/station/starting-point';
import {
  emptyQuery,
  filterRows,
  indexRows,
  type ShipmentQuery,
} from '../../src-renderer/state/shipments';
import { screenshotPath, speakerFor } from '../helpers/browser';
import { seededRows, seedShipments } from '../helpers/shipments';
import { startStationPage, type StationPage } from '../helpers/station-page';
import { seedSupervisor, signInSupervisor, supervisorPinHash } from '../helpers/signed-in';

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
    const pinHash = await supervisorPinHash();
    rig = await startStationPage({
      viewport: { width: 1366, height: 768 },
      seed: (dataDir) => {
        const db = openStationDatabase(dataDir);
        const identity = stationIdentity(db, randomUUID, 'E2E station');
        rows = seededRows(COUNT, Date.now(), identity);
        seedShipments(db, rows, identity.id);
        seedSupervisor(db, pinHash);
        db.close();
      },
    });
    page = rig.page;
    await signInSupervisor(page);
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

  it('shows the history, timings and the void rules before the yes, then what the void came to', async () => {
    // shipments.details and shipments.void are built in parallel (h2, h5): their answers are
    // given at the HTTP border here, in the contract's shape, to drive the panel itself.
    const row = rows[3];
    if (!row) throw new Error('no row');
    const freeUntil = new Date(Date.now() + 3600_000).toISOString();
    const details: ShipmentDetails = {
      row,
      history: [
        {
          kind: 'made',
          at: row.createdAt,
          packer: row.packer,
          stationName: 'E2E station',
          detail: null,
        },
        {
          kind: 'printed',
          at: row.createdAt,
          packer: row.packer,
          stationName: 'E2E station',
          detail: null,
        },
        {
          kind: 'reprinted',
          at: row.createdAt,
          packer: row.packer,
          stationName: 'E2E station',
          detail: msg('ui.shipments.reason.damaged'),
        },
      ],
      timings: { lookupMs: 3, sendcloudMs: 412, renderMs: 38, printerMs: 120 },
      voidRules: {
        window: 'free',
        freeUntil,
        refundUntil: freeUntil,
        allowed: true,
        rule: msg('ui.shipments.void.queuedNote'),
        refusal: null,
      },
      canReprint: true,
      labelStored: true,
    };
    const answer = (value: unknown) => ({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value }),
    });
    // As main would: once voided, the details read again carry the row as it is now.
    let current = details;
    await page.route('**/api/commands/shipments.details', (route) =>
      route.fulfill(answer(current)),
    );
    await page.route('**/api/commands/shipments.void', (route) => {
      current = { ...details, row: { ...row, state: 'void-requested' } };
      return route.fulfill(answer(current.row));
    });
    const say = await speakerFor('en');

    await page.getByTestId('shipments-grid').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('v');
    const confirm = page.getByTestId('void-confirm');
    await confirm.waitFor();
    expect(await confirm.getAttribute('data-window')).toBe('free');
    expect(await page.getByTestId('void-rule').textContent()).toBe(
      say(msg('ui.shipments.void.queuedNote')),
    );
    // The safe answer has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'void-keep',
    );
    expect(await page.getByTestId('shipment-history').locator('li').count()).toBe(3);
    expect(await page.getByTestId('shipment-timings').textContent()).toContain('412');
    await page.screenshot({ path: screenshotPath('shipments-details-void-en') });

    await page.getByTestId('void-confirm-button').click();
    await expect
      .poll(() => page.getByTestId('shipment-void-result').textContent())
      .toBe(say(msg('ui.shipments.void.requested')));
    expect(
      await page
        .locator(`[data-testid="shipments-row"][data-parcel-id="${row.parcelId}"]`)
        .getAttribute('data-state'),
    ).toBe('void-requested');
    await page.keyboard.press('Escape');
    await page.getByTestId('shipment-details').waitFor({ state: 'detached' });
    await page.unroute('**/api/commands/shipments.details');
    await page.unroute('**/api/commands/shipments.void');
  });

  it('reprints from R on a row: a reason first, the label printer chosen, the row counted', async () => {
    const row = rows[5];
    if (!row) throw new Error('no row');
    const details: ShipmentDetails = {
      row,
      history: [],
      timings: null,
      voidRules: {
        window: 'refund',
        freeUntil: row.createdAt,
        refundUntil: row.createdAt,
        allowed: false,
        rule: msg('ui.shipments.void.window.none'),
        refusal: msg('ui.shipments.void.window.none'),
      },
      canReprint: true,
      labelStored: false,
    };
    const answer = (value: unknown) => ({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value }),
    });
    const asked: unknown[] = [];
    let current = details;
    await page.route('**/api/commands/shipments.details', (route) =>
      route.fulfill(answer(current)),
    );
    await page.route('**/api/commands/shipments.reprint', (route) => {
      asked.push(route.request().postDataJSON());
      current = { ...details, row: { ...row, state: 'reprinted', reprints: 1 } };
      return route.fulfill(answer(current.row));
    });
    const say = await speakerFor('en');

    await page.getByTestId('shipments-grid').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('r');
    const form = page.getByTestId('reprint-form');
    await form.waitFor();
    // A label kept only in Sendcloud says it is fetched; nothing prints without a reason.
    expect(await form.textContent()).toContain(say(msg('ui.shipments.reprint.fetched')));
    expect(await page.getByTestId('reprint-confirm').isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'reprint-reason-damaged',
    );
    await page.keyboard.press('Space');
    const printerId = await page.getByTestId('reprint-printer').inputValue();
    expect(printerId).not.toBe('');
    await page.getByTestId('reprint-confirm').click();
    await expect
      .poll(() => page.getByTestId('shipment-reprint-result').textContent())
      .toBe(say(msg('ui.shipments.reprint.sent')));
    expect(asked).toEqual([{ parcelId: row.parcelId, printerId, reason: 'damaged' }]);
    await expect
      .poll(() =>
        page
          .locator(`[data-testid="shipments-row"][data-parcel-id="${row.parcelId}"]`)
          .getAttribute('data-state'),
      )
      .toBe('reprinted');
    await page.unroute('**/api/commands/shipments.details');
    await page.unroute('**/api/commands/shipments.reprint');
  });
});
