// Sendcloud accounts end to end: a live station with no account shows onboarding; a packer adds
// two accounts (one after a wrong secret), scans an order of each and each label is made with its
// own account's keys. Then a marketplace's merchants and billing export, a key rotation in the
// Sendcloud panel that turns an account to "Reconnect needed" on every screen, and removal. The
// built browser host runs as its own process with the real OS keychain (a unique service name);
// the simulator with two accounts and the printer live in this test process.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createKeytarStore, type KeyStore } from '../../src-main/accounts/keychain';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type SimAccount, type Simulator } from '../../src-main/simulator/index';
import { msg, type Message } from '../../src-shared/messages';
import { launchChromium, screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
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

describe('Sendcloud accounts in the real UI (Chromium, browser host, two simulator accounts)', () => {
  const data = tempDir();
  const keychainService = `Packdesk e2e ${randomUUID()}`;
  let simulator: Simulator;
  let printer: VirtualPrinter;
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  /** The same keychain entries the host writes, read from this process. */
  let keychain: KeyStore;
  /** Every URL the page asked for: keys must never be in one. */
  const requested: string[] = [];
  /** Every key the test typed, to look for where they must not be. */
  const typedSecrets: string[] = [];
  /** The English catalogue's words for a key and its params: what the screen must show. */
  let say: (message: Message) => string;
  const trimmed = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

  const account = (index: number): SimAccount => {
    const found = simulator.accounts[index];
    if (!found) throw new Error(`the simulator has no account ${index + 1}`);
    return found;
  };
  /** Orders with carriers whose labels are native ZPL, so the printer gets Sendcloud's bytes. */
  const zplOrders = (index: number) =>
    account(index)
      .orders()
      .filter((order) => !order.shipping_option_code.startsWith('colissimo'))
      .map((order) => order.order_number);
  const result = (state: string, code: string): Locator =>
    page
      .getByTestId('scan-result')
      .and(page.locator(`[data-state="${state}"]`))
      .filter({ has: page.getByTestId('result-order').getByText(code, { exact: true }) });
  /** The last scan as the ticker shows it on a screen that is not Scan. */
  const ticked = (state: string, code: string): Locator =>
    page
      .getByTestId('scan-ticker')
      .and(page.locator(`[data-state="${state}"]`))
      .filter({ has: page.getByTestId('scan-ticker-code').getByText(code, { exact: true }) });
  const row = (name: string): Locator =>
    page.getByTestId('account-row').filter({
      has: page.getByTestId('account-row-name').getByText(name, { exact: true }),
    });
  const focusedTestId = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const openAccounts = async () => {
    if (await page.getByTestId('accounts-panel').isVisible()) return;
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-panel').waitFor();
  };
  const scanAndWait = async (code: string, state = 'printed') => {
    // The full result is on the scan screen (F1).
    if (!(await page.getByTestId('scan-input').isVisible())) await page.keyboard.press('F1');
    await page.getByTestId('scan-input').focus();
    await wedgeScan(page, code);
    await result(state, code).waitFor({ timeout: 30_000 });
  };
  /** Nowhere a key may linger once its form is done: the page, its storage, its URLs, the log. */
  const expectNoKeyLeft = async () => {
    const html = await page.content();
    const storage = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    for (const secret of typedSecrets) {
      expect(html).not.toContain(secret);
      expect(storage).not.toContain(secret);
      expect(requested.filter((url) => url.includes(secret))).toEqual([]);
      expect(host.output()).not.toContain(secret);
    }
  };

  const accountId = async (name: string): Promise<string> => {
    const id = await row(name).getAttribute('data-account-id');
    if (!id) throw new Error(`no account row for ${name}`);
    return id;
  };

  beforeAll(async () => {
    say = await speakerFor('en');
    keychain = createKeytarStore({ service: keychainService });
    simulator = await startSimulator({ accounts: [{}, {}] });
    printer = await startVirtualPrinter();
    host = await startWebHost({
      ...keychainEnv(),
      // No keys: the station is live with no account, and asks for one.
      PACKDESK_SENDCLOUD_URL: simulator.url,
      PACKDESK_PRINTER: `tcp://${printer.host}:${printer.port}`,
      PACKDESK_DATA_DIR: data.dir,
      PACKDESK_KEYCHAIN_SERVICE: keychainService,
      // Everything the host logs is searched for the keys, so log everything.
      PACKDESK_LOG_LEVEL: 'debug',
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(host.url);
    await page.getByTestId('onboarding').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await printer?.close();
    await simulator?.close();
    data.cleanup();
  });

  it('opens on "Add a Sendcloud account" with the public key focused and the secret hidden', async () => {
    const onboarding = page.getByTestId('onboarding');
    expect(await onboarding.getByRole('heading', { level: 2 }).textContent()).toBe(
      say(msg('ui.accounts.add.title')),
    );
    expect(await page.getByTestId('scan-input').count()).toBe(0);
    await expect.poll(focusedTestId).toBe('account-public-key');
    const secret = page.getByTestId('account-secret-key');
    expect(await secret.getAttribute('type')).toBe('password');
    expect(await secret.getAttribute('autocomplete')).toBe('off');
    expect(await page.getByTestId('accounts-banner').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('accounts-onboarding'), fullPage: true });
  });

  it('refuses a wrong secret with where to copy the keys from, then adds account 1 from its choices', async () => {
    const first = account(0);
    const wrong = `${first.secretKey.slice(0, -4)}0000`;
    typedSecrets.push(wrong, first.secretKey);
    await page.getByTestId('account-public-key').fill(first.publicKey);
    await page.getByTestId('account-secret-key').fill(wrong);
    await page.getByTestId('account-verify').click();
    const error = page.getByTestId('account-keys-error');
    await expect
      .poll(() => trimmed(error), { timeout: 15_000 })
      .toBe(say(msg('ui.accounts.keys.refused')));
    expect(await error.getAttribute('data-code')).toBe('auth-failed');
    expect(await page.getByTestId('account-secret-key').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('account-choices').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('accounts-wrong-keys'), fullPage: true });

    // Correcting the secret puts the message away; the right keys open step 2.
    await page.getByTestId('account-secret-key').fill(first.secretKey);
    expect(await error.count()).toBe(0);
    await page.getByTestId('account-secret-key').press('Enter');
    await page.getByTestId('account-choices').waitFor({ timeout: 15_000 });
    await expect.poll(focusedTestId).toBe('account-name');
    expect(await page.getByTestId('account-integration').inputValue()).toBe(
      String(first.integrationId),
    );
    // The account's default sender address unless the packer picks another from its list.
    const sender = page.getByTestId('account-sender-address');
    expect(await sender.inputValue()).toBe('');
    const senders = await sender
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(senders).toContain(String(first.senderAddressId));
    // Named after the chosen integration until the packer names it.
    const integrationName = await page
      .getByTestId('account-integration')
      .locator('option:checked')
      .textContent();
    const prefilled = await page.getByTestId('account-name').inputValue();
    expect(prefilled).not.toBe('');
    expect(integrationName).toContain(prefilled);
    expect(await page.getByTestId('account-api-v3').isChecked()).toBe(true);
    expect(await page.getByTestId('account-test-mode').isChecked()).toBe(false);
    await page.screenshot({ path: screenshotPath('accounts-onboarding-choices'), fullPage: true });

    await page.getByTestId('account-name').fill('Webshop');
    await page.getByTestId('account-add').click();
    // The station has an account: the scan screen takes over, focused on the scan field.
    await page.getByTestId('scan-input').waitFor({ timeout: 15_000 });
    await page.getByTestId('onboarding').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('accounts-fact').textContent()).toContain('Webshop');
    await expectNoKeyLeft();
  });

  it('adds account 2 from Settings → Accounts, from the keyboard', async () => {
    const second = account(1);
    typedSecrets.push(second.secretKey);
    const link = page.getByTestId('nav-accounts');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('accounts-panel').waitFor();
    expect(await link.getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('accounts-title');
    await expect.poll(() => row('Webshop').getAttribute('data-state')).toBe('connected');
    expect(await row('Webshop').getByTestId('account-row-state').textContent()).toBe(
      say(msg('ui.accounts.state.connected')),
    );

    const form = page.getByTestId('accounts-panel').getByTestId('add-account-form');
    await form.getByTestId('account-public-key').focus();
    await page.keyboard.insertText(second.publicKey);
    await page.keyboard.press('Tab');
    await page.keyboard.insertText(second.secretKey);
    await page.keyboard.press('Enter');
    await form.getByTestId('account-choices').waitFor({ timeout: 15_000 });
    expect(await form.getByTestId('account-integration').inputValue()).toBe(
      String(second.integrationId),
    );
    await form.getByTestId('account-name').fill('Merchant shop');
    await form.getByTestId('account-name').press('Enter');
    await expect
      .poll(() => trimmed(form.getByTestId('account-added')), { timeout: 15_000 })
      .toBe(say(msg('ui.accounts.add.done', { name: 'Merchant shop' })));
    // The form is empty again, ready for a third account, with no key left in it.
    expect(await form.getByTestId('account-public-key').inputValue()).toBe('');
    expect(await form.getByTestId('account-secret-key').inputValue()).toBe('');
    await expect.poll(() => row('Merchant shop').getAttribute('data-state')).toBe('connected');
    await expect
      .poll(() => page.getByTestId('accounts-fact').textContent())
      .toContain(say(msg('header.accounts.count', { count: 2 })));
    await page.screenshot({ path: screenshotPath('accounts-panel'), fullPage: true });
    await expectNoKeyLeft();
    // The keys are in the OS keychain, one entry per account.
    expect(await keychain.read(await accountId('Webshop'))).toEqual({
      publicKey: account(0).publicKey,
      secretKey: account(0).secretKey,
    });
    expect(await keychain.read(await accountId('Merchant shop'))).toEqual({
      publicKey: second.publicKey,
      secretKey: second.secretKey,
    });

    await page.keyboard.press('Escape');
    await page.getByTestId('accounts-panel').waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('scan-input');
  });

  it('prints an order of each account, each label made with its own account', async () => {
    const [orderA] = zplOrders(0);
    const [orderB] = zplOrders(1);
    if (!orderA || !orderB) throw new Error('the simulator accounts have no ZPL orders');
    await scanAndWait(orderA);
    await scanAndWait(orderB);

    const labelA = simulator.labelsFor(orderA);
    const labelB = simulator.labelsFor(orderB);
    expect(labelA.map((entry) => entry.publicKey)).toEqual([account(0).publicKey]);
    expect(labelB.map((entry) => entry.publicKey)).toEqual([account(1).publicKey]);
    await expect
      .poll(() => page.getByTestId('result-tracking').textContent())
      .toBe(labelB[0]?.trackingNumber);
    const jobs = await printer.waitForJobs(2, 20_000);
    expect(jobs.map((job) => job.bytes.toString('base64'))).toEqual(
      [labelA[0]?.bytes, labelB[0]?.bytes].map((bytes) => bytes?.toString('base64')),
    );
  });

  it('keeps the wedge scanner working in the account forms without eating what is typed', async () => {
    await openAccounts();
    const form = page.getByTestId('accounts-panel').getByTestId('add-account-form');
    const publicKey = form.getByTestId('account-public-key');
    const secret = form.getByTestId('account-secret-key');
    await publicKey.fill('half-typed');
    await secret.fill('half');
    const order = zplOrders(0)[1];
    if (!order) throw new Error('no second order');
    await secret.focus();
    await wedgeScan(page, order);
    // Away from the scan screen, the outcome shows in the ticker.
    await ticked('printed', order).waitFor({ timeout: 30_000 });
    expect(await secret.inputValue()).toBe('half');
    expect(await publicKey.inputValue()).toBe('half-typed');
    // The scan's Enter was the scanner's: no key check was sent for the half-typed keys.
    expect(await form.getByTestId('account-keys-error').count()).toBe(0);
    expect(await form.getByTestId('account-choices').count()).toBe(0);

    // A burst on a focused select must not pick an option by its first letter.
    await page.getByTestId('merchant-mode-decentralised').check();
    const select = page.getByTestId('merchant-account');
    await select.focus();
    const before = await select.inputValue();
    const other = zplOrders(1)[1];
    if (!other) throw new Error('no second order of account 2');
    await wedgeScan(page, other);
    await ticked('printed', other).waitFor({ timeout: 30_000 });
    expect(await select.inputValue()).toBe(before);
    await page.getByTestId('merchant-mode-centralised').check();
    await publicKey.fill('');
    await secret.fill('');
  });

  it('labels a centralised merchant’s order with the marketplace account, hands a decentralised one over, and exports the billing CSV', async () => {
    await openAccounts();
    const merchants = page.getByTestId('merchants');
    const addForm = merchants.getByTestId('merchant-form').last();
    // Orders PD-10030…PD-10039 of the marketplace account belong to Acme.
    const acmeOrder = zplOrders(0).find((order) =>
      order.startsWith(`${account(0).orderNumberPrefix}1003`),
    );
    const handedOrder = account(0)
      .orders()
      .map((order) => order.order_number)
      .find((order) => order.startsWith(`${account(0).orderNumberPrefix}1004`));
    if (!acmeOrder || !handedOrder) throw new Error('the marketplace account has too few orders');
    const acmePrefix = acmeOrder.slice(0, -1);
    const handedPrefix = handedOrder.slice(0, -1);

    await addForm.getByTestId('merchant-name').fill('Acme');
    await addForm.getByTestId('merchant-prefix').fill(acmePrefix);
    await addForm.getByTestId('merchant-save').click();
    await expect
      .poll(() => addForm.getByTestId('merchant-saved').textContent())
      .toBe(say(msg('ui.accounts.merchant.added', { name: 'Acme' })));

    // Decentralised needs the merchant's own account: refused here until one is chosen.
    await addForm.getByTestId('merchant-name').fill('Merchant shop');
    await addForm.getByTestId('merchant-prefix').fill(handedPrefix);
    await addForm.getByTestId('merchant-mode-decentralised').check();
    await addForm.getByTestId('merchant-save').click();
    await expect
      .poll(() => trimmed(addForm.getByTestId('merchant-error')))
      .toBe(say(msg('ui.accounts.merchant.accountMissing')));
    await addForm.getByTestId('merchant-account').selectOption({ label: 'Merchant shop' });
    await addForm.getByTestId('merchant-save').click();
    await addForm.getByTestId('merchant-saved').waitFor();
    const merchantRows = merchants.getByTestId('merchant-row');
    await expect.poll(() => merchantRows.count()).toBe(2);
    await expect
      .poll(() => merchantRows.filter({ hasText: 'Merchant shop' }).getAttribute('data-mode'))
      .toBe('decentralised');
    await page.screenshot({ path: screenshotPath('accounts-merchants'), fullPage: true });

    const printedBefore = printer.jobs.length;
    await scanAndWait(acmeOrder);
    expect(simulator.labelsFor(acmeOrder).map((entry) => entry.publicKey)).toEqual([
      account(0).publicKey,
    ]);
    await printer.waitForJobs(printedBefore + 1, 20_000);

    // Handed over to the merchant's own account: no label made, nothing printed.
    await scanAndWait(handedOrder);
    // The merchant and its own account are both named 'Merchant shop'.
    await expect
      .poll(() => page.getByTestId('result-step').textContent())
      .toBe(
        say(
          msg('account.merchant.handedOver', {
            merchant: 'Merchant shop',
            account: 'Merchant shop',
          }),
        ),
      );
    expect(simulator.labelsFor(handedOrder)).toEqual([]);
    await expect
      .poll(
        () =>
          account(1)
            .orders()
            .some((order) => order.order_number === handedOrder),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    expect(printer.jobs).toHaveLength(printedBefore + 1);

    // Today's billing: Acme's one label, downloaded as a file.
    await openAccounts();
    const billing = page.getByTestId('billing-export');
    const today = await billing.getByTestId('billing-from').inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await billing.getByTestId('billing-to').inputValue()).toBe(today);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      billing.getByTestId('billing-submit').click(),
    ]);
    const file = await download.path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.slice(1).filter((line) => line.includes('Acme'))).toHaveLength(1);
    expect(lines.some((line) => line.includes('Merchant shop'))).toBe(false);
    await expect
      .poll(() => billing.getByTestId('billing-result').getAttribute('data-rows'))
      .toBe(String(lines.length - 1));
    expect(await billing.getByTestId('billing-result').textContent()).toContain(
      download.suggestedFilename(),
    );
  });

  it('turns an account with rotated keys to "Reconnect needed" on every screen, and prints its label once reconnected', async () => {
    const second = account(1);
    const old = { publicKey: second.publicKey, secretKey: second.secretKey };
    // The merchant makes new keys in the Sendcloud panel; the old ones answer 401 from now on.
    const fresh = simulator.rotateKeys(old.publicKey);
    typedSecrets.push(fresh.secretKey);
    if (await page.getByTestId('accounts-panel').isVisible()) {
      await page.getByTestId('accounts-close').click();
    }
    const order = zplOrders(1)[2];
    if (!order) throw new Error('no third order of account 2');
    await page.getByTestId('scan-input').focus();
    await wedgeScan(page, order);

    const banner = page.getByTestId('accounts-banner');
    await banner.waitFor({ timeout: 30_000 });
    const item = banner.getByTestId('accounts-banner-item');
    await expect
      .poll(() => item.textContent())
      .toContain(
        say(
          msg('header.banner.account.title', {
            name: 'Merchant shop',
            problem: msg('ui.accounts.problem.reconnect'),
          }),
        ),
      );
    expect(await item.textContent()).toContain(say(msg('header.banner.account.body')));
    expect(await item.getAttribute('data-state')).toBe('reconnect');
    // Waiting, not failed: the label is made once the account is back.
    await result('queued', order).waitFor({ timeout: 30_000 });
    expect(simulator.labelsFor(order)).toEqual([]);
    await page.screenshot({ path: screenshotPath('accounts-reconnect-banner'), fullPage: true });

    // The banner's button opens Settings → Accounts at the account's reconnect form.
    await banner.getByTestId('accounts-banner-reconnect').click();
    await page.getByTestId('accounts-panel').waitFor();
    const reconnecting = row('Merchant shop');
    expect(await reconnecting.getAttribute('data-state')).toBe('reconnect');
    expect(await reconnecting.getByTestId('account-row-state').textContent()).toBe(
      say(msg('ui.accounts.state.reconnect')),
    );
    const form = reconnecting.getByTestId('reconnect-form');
    await form.waitFor();
    await expect.poll(focusedTestId).toBe('reconnect-public-key');
    await page.screenshot({ path: screenshotPath('accounts-reconnect-form'), fullPage: true });

    // The revoked keys are refused with the same advice as onboarding.
    await page.keyboard.insertText(old.publicKey);
    await form.getByTestId('reconnect-secret-key').fill(old.secretKey);
    await form.getByTestId('reconnect-submit').click();
    await expect
      .poll(() => trimmed(form.getByTestId('reconnect-error')), { timeout: 15_000 })
      .toBe(say(msg('ui.accounts.keys.refused')));

    await form.getByTestId('reconnect-public-key').fill(fresh.publicKey);
    await form.getByTestId('reconnect-secret-key').fill(fresh.secretKey);
    await form.getByTestId('reconnect-submit').click();
    await form.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => reconnecting.getAttribute('data-state')).toBe('connected');
    await banner.waitFor({ state: 'detached' });
    // Its row is on the Accounts screen, which the scan screen replaces.
    const reconnectedId = await accountId('Merchant shop');

    // The waiting label is made with the new keys and printed, once.
    await page.keyboard.press('F1');
    await result('printed', order).waitFor({ timeout: 30_000 });
    expect(simulator.labelsFor(order).map((entry) => entry.publicKey)).toEqual([fresh.publicKey]);
    expect(await keychain.read(reconnectedId)).toEqual(fresh);
    await expectNoKeyLeft();
  }, 120_000);

  it('edits an account into test mode, and removes accounts after confirmation until onboarding returns', async () => {
    await openAccounts();
    const webshop = row('Webshop');
    await webshop.getByTestId('account-edit').click();
    await expect.poll(focusedTestId).toBe('account-edit-name');
    await webshop.getByTestId('account-edit-test-mode').check();
    await webshop.getByTestId('account-edit-save').click();
    await webshop.getByTestId('account-edit-form').waitFor({ state: 'detached' });
    await webshop.getByTestId('account-test-badge').waitFor();

    // The decentralised merchant goes first: it ships with the account about to be removed.
    const merchant = page.getByTestId('merchant-row').filter({ hasText: 'Merchant shop' });
    await merchant.getByTestId('merchant-remove').click();
    expect(await focusedTestId()).toBe('merchant-remove-keep');
    await merchant.getByTestId('merchant-remove-confirm').click();
    await merchant.waitFor({ state: 'detached' });

    const removing = row('Merchant shop');
    const removedId = await accountId('Merchant shop');
    const keptId = await accountId('Webshop');
    await removing.getByTestId('account-remove').click();
    // The safe answer is focused, and the packer is told the keys go.
    expect(await focusedTestId()).toBe('account-remove-keep');
    expect(await removing.textContent()).toContain(
      say(msg('ui.accounts.remove.question', { name: 'Merchant shop' })),
    );
    await removing.getByTestId('account-remove-confirm').click();
    await removing.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => page.getByTestId('accounts-fact').textContent()).toContain('Webshop');
    expect(await keychain.read(removedId)).toBeNull();
    expect(await keychain.read(keptId)).not.toBeNull();

    await row('Webshop').getByTestId('account-remove').click();
    await row('Webshop').getByTestId('account-remove-confirm').click();
    // No account left on a live station: onboarding is the screen again.
    await page.getByTestId('onboarding').waitFor({ timeout: 15_000 });
    expect(await keychain.read(keptId)).toBeNull();
    await expectNoKeyLeft();
  });
});
