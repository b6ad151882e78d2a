// Packers in the browser. A seeded station has packers, so it asks for a sign-in before anything else: these helpers put
// a supervisor with a known badge into the seed and sign them in by scanning it, as a person would.
import type { Page } from 'playwright-core';
import { hashPin } from '../../src-main/packers/pin';
import type { Db } from '../../src-main/store/db';
import { wedgeScan } from './browser';

export const SUPERVISOR_BADGE = 'PDB-E2ESUPER';

/** The PIN hash to seed with; made once per test file (scrypt takes a moment). */
export const supervisorPinHash = (): Promise<string> => hashPin('2580');

export function seedSupervisor(
  db: Db,
  pinHash: string,
  createdAt = new Date().toISOString(),
): void {
  db.prepare(
    `INSERT INTO packers (id, name, role, badge, pin_hash, created_at)
     VALUES ('e2e-supervisor', 'E2E supervisor', 'supervisor', @badge, @pinHash, @createdAt)`,
  ).run({ badge: SUPERVISOR_BADGE, pinHash, createdAt });
}

/** Scan the supervisor's badge at the sign-in screen and wait until the station is open. */
export async function signInSupervisor(page: Page): Promise<void> {
  const overlay = page.getByTestId('sign-in');
  await overlay.waitFor();
  await wedgeScan(page, SUPERVISOR_BADGE);
  await overlay.waitFor({ state: 'detached' });
}

/** Settings → Packers: add a packer from the form, and wait until the list shows them. */
export async function addPacker(
  page: Page,
  name: string,
  role: 'packer' | 'supervisor',
  pin: string,
): Promise<void> {
  await page.getByTestId('packer-add-name').fill(name);
  await page.getByTestId('packer-add-role').selectOption(role);
  await page.getByTestId('packer-add-pin').fill(pin);
  await page.getByTestId('packer-add-submit').click();
  await page.getByRole('cell', { name, exact: true }).waitFor();
}
