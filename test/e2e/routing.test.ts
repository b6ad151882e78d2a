// The rules editor in the real UI, from the keyboard: F9 opens it, Insert adds a rule, its fields
// are typed and checked as they are typed (a bad option code is explained next to its field),
// Alt+↑ moves a rule, Ctrl+S saves; the account turns the station's rules on; the tester says
// what an order would ship with, and by which rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { msg, type Message } from '../../src-shared/messages';
import { screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { startStationPage, type StationPage } from '../helpers/station-page';

describe('routing rules editor and tester (Chromium, browser host, simulator)', () => {
  let rig: StationPage;
  let page: Page;
  let say: (message: Message) => string;

  beforeAll(async () => {
    say = await speakerFor('en');
    rig = await startStationPage({
      viewport: { width: 1366, height: 900 },
      simulator: { routingOrders: true },
    });
    ({ page } = rig);
  });

  afterAll(() => rig?.close());

  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

  /** Type into the focused field, replacing what it held. */
  async function typeOver(text: string): Promise<void> {
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(text);
  }

  /** From the rule form's name field, Tab to a field by its order in the form. */
  async function tabs(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) await page.keyboard.press('Tab');
  }

  it('adds, checks, reorders and saves rules by keyboard, and tests an order against them', async () => {
    await page.keyboard.press('F9');
    await page.getByTestId('screen-rules').waitFor();
    await page.getByTestId('routing-rules').waitFor();
    // From the heading, the first stop is the list of rules.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('routing-list');

    // Rule 1: the Netherlands by PostNL, first typed with a bad option code.
    await page.keyboard.press('Insert');
    await page.getByTestId('routing-form').waitFor();
    await page.keyboard.type('Netherlands');
    await tabs(1);
    await page.keyboard.type('NL');
    // outsideEu, weightOver, weightUpTo, longestSide, servicePoint, merchant, tags, option.
    await tabs(8);
    await page.keyboard.type('postnl standard');
    const problem = page.getByTestId('routing-problem-optionCode');
    await problem.waitFor();
    expect(await problem.getAttribute('data-key')).toBe('routing.problem.option');
    expect(await problem.textContent()).toBe(say(msg('routing.problem.option')));
    await typeOver('postnl:standard');
    await problem.waitFor({ state: 'detached' });
    // Tab to Done (Enter in the option field may pick a suggestion of its list instead).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('routing-form').waitFor({ state: 'detached' });

    // Rule 2: over 20 kg by UPS, then moved above the Netherlands.
    await expect.poll(focused).toBe('routing-list');
    await page.keyboard.press('Insert');
    await page.getByTestId('routing-form').waitFor();
    await page.keyboard.type('Heavy');
    await tabs(3);
    await page.keyboard.type('20');
    await tabs(6);
    await page.keyboard.type('ups:standard');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('routing-form').waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('routing-list');
    await page.keyboard.press('Alt+ArrowUp');
    const names = page.getByTestId('routing-rule-name');
    await expect.poll(() => names.allTextContents()).toEqual(['Heavy', 'Netherlands']);

    await page.keyboard.press('ControlOrMeta+s');
    await expect
      .poll(() => page.getByTestId('routing-save-state').textContent())
      .toBe(say(msg('ui.routing.saved')));
    await page.screenshot({ path: screenshotPath('routing-rules'), fullPage: true });

    // The account lets the station's rules choose (Accounts, F7).
    await page.keyboard.press('F7');
    const station = page.getByTestId('account-routing-station');
    await station.focus();
    await page.keyboard.press('Space');
    await page.getByTestId('account-routing-save').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('account-routing-state').textContent())
      .toBe(say(msg('ui.routing.account.saved')));

    // The tester, back on the rules screen.
    await page.keyboard.press('F9');
    const tester = page.getByTestId('routing-tester-input');
    // Filled, not typed: keys as fast as a scanner's and then Enter are a scan, on any screen.
    await tester.fill('PD-90004');
    await page.keyboard.press('Enter');
    const result = page.getByTestId('routing-tester-result');
    await expect.poll(() => result.textContent()).toContain('PD-90004');
    expect(await result.getAttribute('data-rule')).toBe('1');
    expect(await result.textContent()).toContain('ups:standard');
    expect(await result.textContent()).toContain(
      say(msg('routing.why.rule', { number: 1, name: 'Heavy' })),
    );

    await tester.fill('PD-90001');
    await page.keyboard.press('Enter');
    await expect.poll(() => result.getAttribute('data-rule')).toBe('2');
    expect(await result.textContent()).toContain('postnl:standard');

    // A rule the tester found is kept: the screen reads them back after a reload.
    await page.reload();
    await page.getByTestId('scan-input').waitFor();
    await page.keyboard.press('F9');
    await expect.poll(() => names.allTextContents()).toEqual(['Heavy', 'Netherlands']);
  });

  it('takes a one-off option for the next scan with F10, shows it until the scan uses it', async () => {
    // F1 and F10 at once, as quick hands press them: the list F10 opens keeps the focus that the
    // scan screen's arrival gives its field a frame later, so the arrows and Enter reach the list.
    await page.evaluate(async () => {
      const press = (key: string) =>
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      press('F1');
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
      press('F10');
    });
    await page.getByTestId('scan-input').waitFor();
    const picker = page.getByTestId('next-option-picker');
    await picker.waitFor();
    const options = picker.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    const codes = await options.locator('.mono').allTextContents();
    const target = codes.indexOf('dpd:home');
    expect(target).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    const set = page.getByTestId('next-option-set');
    await expect.poll(() => set.getAttribute('data-option')).toBe('dpd:home');

    // The scan field has the focus back: a scanner's burst labels the order with the override.
    await wedgeScan(page, 'PD-90001');
    await page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="printed"]'))
      .waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('result-option-why').getAttribute('data-key')).toBe(
      'routing.why.override',
    );
    expect(rig.simulator.labelsFor('PD-90001')[0]?.carrier).toBe('dpd');
    await set.waitFor({ state: 'detached' });
    await page.screenshot({ path: screenshotPath('routing-override'), fullPage: true });
  });
});
