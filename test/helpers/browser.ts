import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

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
