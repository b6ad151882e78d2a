// Packers in the real UI: set up a supervisor and a packer in Settings → Packers, lock the
// station, sign in by scanning a badge with the wedge scanner, scan an order as that packer,
// lock again, and sign in by name and PIN on the keypad, all from the keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { msg, type Message } from '../../src-shared/messages';
import { screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { addPacker } from '../helpers/signed-in';
import { startStationPage, type StationPage } from '../helpers/station-page';

describe('packers sign in (Chromium, browser host, simulator, TCP printer)', () => {
  let rig: StationPage;
  let page: Page;
  let say: (message: Message) => string;

  beforeAll(async () => {
    say = await speakerFor('en');
    rig = await startStationPage({ viewport: { width: 1366, height: 768 } });
    ({ page } = rig);
  });

  afterAll(() => rig?.close());

  it('signs in by badge, scans as that packer, locks, and signs in by PIN', async () => {
    await page.getByTestId('nav-packers').click();
    await page.getByTestId('screen-packers').waitFor();
    await page.getByTestId('packers-empty').waitFor();
    await addPacker(page, 'Sam', 'supervisor', '1357');
    // The first packer set up is the one at the keyboard: signed in.
    await expect.poll(() => page.getByTestId('session-packer').textContent()).toBe('Sam');
    await addPacker(page, 'Pat', 'packer', '2468');
    const patRow = page.locator('tr', {
      has: page.getByRole('cell', { name: 'Pat', exact: true }),
    });
    const badge = (await patRow.getByTestId('packer-badge').textContent())?.trim() ?? '';
    expect(badge).toMatch(/^PDB-/);

    await page.getByTestId('session-lock').click();
    const overlay = page.getByTestId('sign-in');
    await overlay.waitFor();
    expect(await overlay.textContent()).toContain(say(msg('ui.packers.signIn.scanBadge')));
    await page.screenshot({ path: screenshotPath('packers-sign-in'), fullPage: true });

    await wedgeScan(page, badge);
    await overlay.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('session-packer').textContent()).toBe('Pat');

    // A packer's scan prints, and says who scanned it.
    await page.getByTestId('nav-scan').click();
    const order = rig.simulator
      .orders()
      .find((o) => !o.shipping_option_code.startsWith('colissimo:'));
    if (!order) throw new Error('no order');
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await wedgeScan(page, order.order_number);
    await page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="printed"]'))
      .waitFor({ timeout: 20_000 });
    await rig.printer.waitForJobs(1);

    // Lock, then a name and the PIN from the keyboard.
    await page.getByTestId('session-lock').click();
    await overlay.waitFor();
    const sam = overlay.getByRole('button', { name: 'Sam', exact: true });
    await sam.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('sign-in-pin').waitFor();
    // A wrong PIN is refused and says so.
    for (const digit of '9999') await page.keyboard.press(digit, { delay: 60 });
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').getAttribute('data-code')).toBe('pin-refused');
    for (const digit of '1357') await page.keyboard.press(digit, { delay: 60 });
    await overlay.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('session-packer').textContent()).toBe('Sam');
    await page.screenshot({ path: screenshotPath('packers-signed-in'), fullPage: true });

    // A badge scanned while the keypad is open still signs its packer in: the keypad does not
    // swallow the scanner's burst.
    await page.getByTestId('session-lock').click();
    await overlay.waitFor();
    await overlay.getByRole('button', { name: 'Sam', exact: true }).click();
    await page.getByTestId('sign-in-pin').waitFor();
    await wedgeScan(page, badge);
    await overlay.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('session-packer').textContent()).toBe('Pat');
  });

  it('shows Settings → Packers in English and German', async () => {
    // Sam, a supervisor, manages the packers.
    await page.getByTestId('session-lock').click();
    await page.getByTestId('sign-in').getByRole('button', { name: 'Sam', exact: true }).click();
    for (const digit of '1357') await page.keyboard.press(digit, { delay: 60 });
    await page.getByTestId('sign-in').waitFor({ state: 'detached' });
    await page.getByTestId('nav-packers').click();
    const heading = page.getByTestId('screen-packers').getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(say(msg('ui.packers.title')));
    await page.screenshot({ path: screenshotPath('packers-en'), fullPage: true });
    const german = await speakerFor('de');
    await page.getByTestId('language-picker').selectOption('de');
    await expect.poll(() => heading.textContent()).toBe(german(msg('ui.packers.title')));
    expect(await page.getByTestId('session-lock').textContent()).toBe(
      german(msg('ui.packers.header.lock')),
    );
    await page.screenshot({ path: screenshotPath('packers-de'), fullPage: true });
    await page.getByTestId('language-picker').selectOption('en');
  });
});
