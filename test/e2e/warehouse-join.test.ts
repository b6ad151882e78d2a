// Settings → Warehouse end to end: a supervisor signs in, opens the screen with Alt+9, is refused
// with a wrong password (in words, from its key), joins with the right one and the header says
// connected; the password is nowhere on the page nor in the host's log; leaving turns the station
// single again, all without a restart. The built browser host runs with the real OS keychain
// (a unique service) against a PostgreSQL that checks the password.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { openDatabase } from '../../src-main/store/db';
import { msg, type Message } from '../../src-shared/messages';
import { launchChromium, screenshotPath, speakerFor } from '../helpers/browser';
import { passwordCluster, type PasswordCluster } from '../helpers/pg-password';
import { seedSupervisor, signInSupervisor, supervisorPinHash } from '../helpers/signed-in';
import { tempDir } from '../helpers/tmp';
import { startWebHost, type RunningWebHost } from '../helpers/web-host';

/** The host reaches the session's keychain over D-Bus: pass the session's address on. */
function keychainEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR']) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}

describe('joining a warehouse in the real UI (Chromium, browser host, PostgreSQL)', () => {
  const data = tempDir();
  let server: PasswordCluster;
  let simulator: Simulator;
  let printer: VirtualPrinter;
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let say: (message: Message) => string;
  const text = async (testId: string) =>
    ((await page.getByTestId(testId).textContent()) ?? '').trim();

  beforeAll(async () => {
    say = await speakerFor('en');
    server = await passwordCluster();
    const pinHash = await supervisorPinHash();
    const db = openDatabase(`${data.dir}/packdesk.sqlite`);
    seedSupervisor(db, pinHash);
    db.close();
    simulator = await startSimulator({});
    printer = await startVirtualPrinter();
    host = await startWebHost({
      ...keychainEnv(),
      PACKDESK_SENDCLOUD_URL: simulator.url,
      PACKDESK_SENDCLOUD_PUBLIC_KEY: simulator.keys.publicKey,
      PACKDESK_SENDCLOUD_SECRET_KEY: simulator.keys.secretKey,
      PACKDESK_PRINTER: `tcp://${printer.host}:${printer.port}`,
      PACKDESK_DATA_DIR: data.dir,
      PACKDESK_KEYCHAIN_SERVICE: `Packdesk e2e ${randomUUID()}`,
      // Everything the host logs is searched for the password, so log everything.
      PACKDESK_LOG_LEVEL: 'debug',
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await page.goto(host.url);
    await signInSupervisor(page);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await printer?.close();
    await simulator?.close();
    server?.destroy();
    data.cleanup();
  });

  it('opens with Alt+9 on a single station, the heading focused', async () => {
    await page.getByTestId('scan-input').waitFor();
    expect(await page.getByTestId('warehouse-fact').count()).toBe(0);
    await page.keyboard.press('Alt+Digit9');
    await page.getByTestId('screen-warehouse').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toBe('warehouse-title');
    await page.getByTestId('warehouse-form').waitFor();
    expect(await text('warehouse-link')).toBe(say(msg('ui.warehouse.state.single')));
    // Every field has its label.
    for (const name of ['Connection string', 'Password', 'Station name']) {
      expect(await page.getByLabel(name, { exact: true }).count()).toBe(1);
    }
  });

  it('says a wrong password in words, and joins with the right one: the header says connected', async () => {
    await page.getByTestId('warehouse-connection').fill(server.url);
    await page.getByTestId('warehouse-password').fill('not-the-password');
    await page.getByTestId('warehouse-station-name').fill('Table 4');
    await page.getByTestId('warehouse-password').press('Enter');
    const error = page.getByTestId('warehouse-error');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.getAttribute('data-key')).toBe('warehouse.join.wrongPassword');
    expect(await text('warehouse-error')).toBe(
      say(msg('ui.warehouse.notJoined', { reason: msg('warehouse.join.wrongPassword') })),
    );
    expect(await page.getByTestId('warehouse-fact').count()).toBe(0);

    await page.getByTestId('warehouse-password').fill(server.password);
    await page.getByTestId('warehouse-join').click();
    await page.getByTestId('warehouse-joined').waitFor({ timeout: 20_000 });
    const fact = page.getByTestId('warehouse-fact');
    await expect
      .poll(() => fact.getAttribute('data-link').catch(() => null), { timeout: 20_000 })
      .toBe('connected');
    expect(await fact.locator('.printer-pill').textContent()).toBe(
      say(msg('header.warehouse.connected', { count: 1 })),
    );
    expect(await text('warehouse-station')).toBe('Table 4');
    await expect
      .poll(() => text('warehouse-link'))
      .toBe(
        say(
          msg('ui.warehouse.state.connected', {
            target: `127.0.0.1:${server.cluster.port}/${server.database}`,
            count: 1,
          }),
        ),
      );
    // The password went to the keychain: not on the page, in its storage, nor in the log.
    expect(await page.getByTestId('warehouse-password').inputValue()).toBe('');
    expect(await page.content()).not.toContain(server.password);
    expect(
      await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage })),
    ).not.toContain(server.password);
    expect(host.output()).not.toContain(server.password);
    await page.screenshot({ path: screenshotPath('warehouse-joined'), fullPage: true });
  });

  it('leaves the warehouse after a confirmation: single again, without a restart', async () => {
    await page.getByTestId('warehouse-leave').click();
    await page.getByTestId('warehouse-leave-confirm').click();
    await page.getByTestId('warehouse-left').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('warehouse-fact').count()).toBe(0);
    expect(await text('warehouse-link')).toBe(say(msg('ui.warehouse.state.single')));
  });
});
