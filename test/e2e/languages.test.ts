// The station in the packer's language, end to end: the built browser host against the
// simulator and a TCP printer, real Chromium switched to Dutch and to German. A printed scan, a
// queued scan with its reason, a printer fault and an account error each read as the language's
// catalogue says, rendered with the params the station sent. Then screenshots of the scan screen,
// the queue, the printers and the accounts in German and in the pseudo-locale, with no text cut
// off. Expected words come from the catalogues, never from prose written here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { VirtualPrinter } from '../../src-main/printing/virtual-printer';
import type { Simulator } from '../../src-main/simulator/index';
import type { ScanEntry } from '../../src-shared';
import { carrierName } from '../../src-shared/carriers';
import { isMessage, msg, type Message } from '../../src-shared/messages';
import { catalogues } from '../../src-shared/messages/catalogues';
import { PSEUDO } from '../../src-renderer/i18n';
import { screenshotPath, speakerFor, wedgeScan, type ShownLanguage } from '../helpers/browser';
import { textThatDoesNotFit } from '../helpers/text-fit';
import { startStationPage, type StationPage } from '../helpers/station-page';

type Shown = ShownLanguage;

describe('the station in Dutch and German (Chromium, browser host, simulator, TCP printer)', () => {
  let rig: StationPage;
  let simulator: Simulator;
  let printer: VirtualPrinter;
  let page: Page;
  let orders: string[] = [];

  const text = async (testId: string) =>
    ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
  const result = (state: string, code: string) =>
    page
      .getByTestId('scan-result')
      .and(page.locator(`[data-state="${state}"]`))
      .filter({ has: page.getByTestId('result-order').getByText(code, { exact: true }) });
  const scan = async (code: string, state: string) => {
    await page.getByTestId('scan-input').focus();
    await wedgeScan(page, code);
    await result(state, code).waitFor({ timeout: 30_000 });
  };
  /** What the station says about a scan, read the way the screen reads it. */
  const entryFor = async (code: string): Promise<ScanEntry> => {
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/commands/scan.recent', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ limit: 50 }),
        credentials: 'same-origin',
      });
      return (await response.json()) as unknown;
    });
    const list = (answer as { value?: ScanEntry[] }).value ?? [];
    const entry = list.find((candidate) => candidate.code === code);
    if (!entry) throw new Error(`the station has no scan of ${code}: ${JSON.stringify(answer)}`);
    return entry;
  };

  /** The header's picker once it is there; until then the stored choice and a reload. */
  const switchTo = async (language: Shown) => {
    const picker = page.getByTestId('language-picker');
    const offered =
      (await picker.count()) > 0 &&
      (await picker.locator(`option[value="${language}"]`).count()) > 0;
    if (offered) {
      await picker.selectOption(language);
    } else {
      await page.evaluate((lang) => localStorage.setItem('packdesk.language', lang), language);
      await page.reload();
      await page.getByTestId('scan-input').waitFor();
      // The wedge scanner listens once the station has started: let its first reads settle, so
      // a scan right after the reload does not lose its first keys.
      await page.waitForLoadState('networkidle');
    }
    // Called from beforeAll too, where expect.poll is not allowed: wait on the page instead.
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  };
  const open = async (toggle: string, panel: string) => {
    if (await page.getByTestId(panel).isVisible()) return;
    await page.getByTestId(toggle).click();
    await page.getByTestId(panel).waitFor();
  };
  const close = async (panel: string) => {
    if (!(await page.getByTestId(panel).isVisible())) return;
    await page.keyboard.press('Escape');
    await page.getByTestId(panel).waitFor({ state: 'detached' });
  };
  const panels = ['queue-panel', 'printers-panel', 'accounts-panel'];
  /** Each test starts from the scan screen alone, whatever the one before left open. */
  const closeAll = async () => {
    for (const panel of panels) await close(panel);
  };

  beforeAll(async () => {
    rig = await startStationPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    ({ simulator, printer, page } = rig);
    // Carriers with native ZPL labels, so each label goes straight to the TCP printer.
    orders = simulator
      .orders()
      .filter((order) => !order.shipping_option_code.startsWith('colissimo'))
      .map((order) => order.order_number);
  });

  afterAll(() => rig?.close());

  it('starts in English, the language of an en-US browser', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await text('scan-result')).toContain(catalogues.en['ui.scan.result.ready']);
  });

  afterEach(async () => {
    printer.setFaults([]);
    await closeAll();
  });

  describe.each(['nl', 'de'] as const)('in %s', (language) => {
    let say: (message: Message) => string;
    let sayInEnglish: (message: Message) => string;
    const [printedOrder, queuedOrder] = language === 'nl' ? [0, 1] : [2, 3];

    beforeAll(async () => {
      say = await speakerFor(language);
      sayInEnglish = await speakerFor('en');
      await switchTo(language);
    });

    it('shows a printed scan, its carrier by name and its row in recent scans', async () => {
      const code = orders[printedOrder];
      if (!code) throw new Error('the simulator has too few orders');
      await scan(code, 'printed');
      const panel = page.getByTestId('scan-result');
      expect(await panel.locator('.result-headline').textContent()).toBe(
        say(msg('ui.scan.state.printed')),
      );
      const entry = await entryFor(code);
      expect(entry.carrier).not.toBeNull();
      expect(await text('result-carrier')).toBe(carrierName(entry.carrier ?? ''));
      const row = page.getByTestId('recent-row').filter({ hasText: code });
      expect(await row.locator('.state-chip').textContent()).toBe(
        say(msg('ui.scan.state.printed')),
      );
      expect(await page.locator('#recent-title').textContent()).toBe(
        say(msg('ui.scan.recent.title')),
      );
      // The same words are not English: the catalogue really was switched.
      expect(say(msg('ui.scan.recent.title'))).not.toBe(catalogues.en['ui.scan.recent.title']);
    });

    it('shows a printer fault on the banner and the printers screen, and a scan queued behind it with why', async () => {
      printer.setFaults(['paper-out']);
      const fault = say(msg('ui.printers.fault.paper-out'));
      const banner = page.getByTestId('printer-banner');
      await banner.waitFor({ timeout: 15_000 });
      await expect.poll(() => banner.textContent()).toContain(fault);
      expect(await banner.textContent()).toContain(say(msg('ui.printers.advice.paper-out')));

      await open('nav-printers', 'printers-panel');
      const row = page.getByTestId('printer-row').first();
      await expect.poll(() => row.getByTestId('printer-row-status').textContent()).toBe(fault);
      await close('printers-panel');

      const code = orders[queuedOrder];
      if (!code) throw new Error('the simulator has too few orders');
      await scan(code, 'queued');
      const entry = await entryFor(code);
      // Main says why in a key with params, never in a finished sentence.
      expect(isMessage(entry.waitingReason)).toBe(true);
      expect(entry.waitingReason?.key).not.toBe('legacy.text');
      const reason = say(entry.waitingReason as Message);
      await expect.poll(() => text('result-reason')).toBe(reason);
      expect(reason).not.toBe(sayInEnglish(entry.waitingReason as Message));
      expect(await page.getByTestId('scan-result').locator('.result-headline').textContent()).toBe(
        say(msg('ui.scan.state.queued')),
      );

      await open('queue-toggle', 'queue-panel');
      const job = page.getByTestId('queue-row').filter({ hasText: code });
      await job.waitFor();
      await expect.poll(() => job.getByTestId('queue-reason').textContent()).toBeTruthy();
      await close('queue-panel');

      printer.setFaults([]);
      await result('printed', code).waitFor({ timeout: 30_000 });
      await banner.waitFor({ state: 'detached' });
    });

    it('says what is wrong with refused keys next to the account form', async () => {
      await open('nav-accounts', 'accounts-panel');
      // The station's own public key with a wrong secret: Sendcloud answers 401.
      await page.getByTestId('account-public-key').fill(simulator.keys.publicKey);
      await page.getByTestId('account-secret-key').fill(`${simulator.keys.secretKey}-wrong`);
      await page.getByTestId('account-verify').click();
      const error = page.getByTestId('account-keys-error');
      const shown = async () => ((await error.textContent()) ?? '').trim();
      await error.waitFor({ timeout: 15_000 });
      expect(await error.getAttribute('data-code')).toBe('auth-failed');
      await expect.poll(shown).toBe(say(msg('ui.accounts.keys.refused')));
      // An error the form catches itself speaks the language too.
      await page.getByTestId('account-public-key').fill(' ');
      await page.getByTestId('account-verify').click();
      await expect.poll(shown).toBe(say(msg('rules.publicKey.empty')));
      await page.getByTestId('account-public-key').fill('');
      await page.getByTestId('account-secret-key').fill('');
    });
  });

  describe.each(['de', PSEUDO] as const)('screenshots in %s', (language) => {
    beforeAll(async () => {
      await switchTo(language);
    });

    const screens = [
      { name: 'scan', toggle: null, panel: null },
      { name: 'queue', toggle: 'queue-toggle', panel: 'queue-panel' },
      { name: 'printers', toggle: 'nav-printers', panel: 'printers-panel' },
      { name: 'accounts', toggle: 'nav-accounts', panel: 'accounts-panel' },
    ] as const;

    it.each(screens)('$name screen: no text cut off', async ({ name, toggle, panel }) => {
      if (toggle && panel) await open(toggle, panel);
      await page.screenshot({
        path: screenshotPath(`language-${language}-${name}`),
        fullPage: true,
      });
      expect(await textThatDoesNotFit(page)).toEqual([]);
      if (panel) await close(panel);
    });
  });
});
