import fs from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Message } from '../../src-shared/messages';
import { catalogues, type Language } from '../../src-shared/messages/catalogues';
import { PSEUDO } from '../../src-renderer/i18n';
import { renderMessage } from '../../src-renderer/i18n/messages';
import { pseudoCatalogue } from '../../src-renderer/i18n/pseudo';

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

/** A keyboard-wedge scanner: the whole code in a fast burst, then Enter. */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 4 });
  await page.keyboard.press('Enter');
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
