import fs from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import type { Message } from '../../src-shared/messages';
import { catalogues, type Language } from '../../src-shared/messages/catalogues';
import { PSEUDO } from '../../src-renderer/i18n';
import { renderMessage } from '../../src-renderer/i18n/messages';
import { pseudoCatalogue } from '../../src-renderer/i18n/pseudo';
import { defaultWedgeOptions } from '../../src-renderer/scan/wedge';

/** Debian's Chromium, headless, with the flags this machine kind needs (docs/PLATFORM.md). */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.PACKDESK_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium is not at ${executablePath}: apt-get install chromium (see .ci/run).`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const screenshotDir = 'test-results/screenshots';
export function screenshotPath(name: string): string {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return `${screenshotDir}/${name}.png`;
}

const scannerSessions = new WeakMap<Page, Promise<CDPSession>>();

/** The gap between two keys of a scanner's burst, as its own clock stamps them. */
export const SCANNER_KEY_GAP_MS = 4;

/**
 * A keyboard-wedge scanner: the whole code in a fast burst, then Enter.
 *
 * A scanner's keys carry the time the device sent them, however busy the machine is, and the
 * wedge detector reads those stamps. Keys typed through Playwright are stamped when the browser
 * gets to them, so on a loaded machine a 4 ms burst can arrive with a 60 ms hole and split into
 * a typed key and a shorter scan. So the keys go through the DevTools protocol with a scanner's
 * stamps: 4 ms apart, whenever they arrive.
 *
 * It returns once the browser's clock is past the burst by more than the wedge's gap, as it is
 * when a person's hand moves after a scan: the stamps run ahead of the wall clock while the
 * events go out fast, and a key pressed at once after would land inside the burst's window (a
 * grid then takes the R of a person for a scanner's, and ignores it).
 */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  let session = scannerSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    scannerSessions.set(page, session);
  }
  const cdp = await session;
  const start = Date.now() / 1000;
  const keys = [...code, 'Enter'];
  for (const [index, key] of keys.entries()) {
    const timestamp = start + (index * SCANNER_KEY_GAP_MS) / 1000;
    const enter = key === 'Enter';
    const text = enter ? '\r' : key;
    const windowsVirtualKeyCode = enter ? 13 : key.toUpperCase().charCodeAt(0);
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key,
      text,
      unmodifiedText: text,
      windowsVirtualKeyCode,
      timestamp,
    });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key,
      windowsVirtualKeyCode,
      timestamp: timestamp + 0.001,
    });
  }
  const burstEnds = start * 1000 + keys.length * SCANNER_KEY_GAP_MS + defaultWedgeOptions.maxGapMs;
  const left = burstEnds - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left + 1));
}

export type ShownLanguage = Language | typeof PSEUDO;

/**
 * The words of one language as the renderer's i18next speaks them, from the catalogues: what a
 * test expects on screen for a key and its params, never prose written in the test.
 */
export async function speakerFor(language: ShownLanguage): Promise<(message: Message) => string> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: {
      en: { translation: catalogues.en },
      [language]: {
        translation: language === PSEUDO ? pseudoCatalogue(catalogues.en) : catalogues[language],
      },
    },
    lng: language,
    fallbackLng: 'en',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
  const t = instance.t.bind(instance) as TFunction;
  return (message) => renderMessage(t, language, message);
}
