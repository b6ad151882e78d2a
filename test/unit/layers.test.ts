// The layers in eslint.config.js: what each part of the code may import.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, specifier: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath });
  return (result?.messages ?? []).some(({ ruleId }) => ruleId === 'no-restricted-imports');
}

describe('the layers lint enforces', () => {
  it.each([
    ['src-renderer/screens/Scan/Scan.tsx', '../../../src-main/errors'],
    ['src-main/store/orders.ts', '../shipping/orders'],
    ['src-main/store/accounts.ts', '../accounts/accounts'],
    ['src-main/sendcloud/v3/orders.ts', '../../outbox/policy'],
    ['src-main/printing/registry.ts', '../station'],
    ['src-main/printing/registry.ts', '../station.ts'],
    ['src-main/simulator/labels.ts', '../printing/render'],
    ['src-main/simulator/seed.ts', '../sendcloud/schemas'],
    ['src-main/simulator/routes/v3/orders.ts', '../../../host/http'],
    ['src-main/simulator/routes/v3/orders.ts', '../../../shipping/scan'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toBe(true);
  });

  it.each([
    ['src-renderer/screens/Scan/Scan.tsx', '../../../src-shared'],
    ['src-main/store/orders.ts', './db'],
    ['src-main/store/orders.ts', './accounts'],
    ['src-main/printing/registry.ts', '../store/printers'],
    ['src-main/sendcloud/v3/orders.ts', '../orders'],
    ['src-main/shipping/labels.ts', '../outbox/policy'],
    // The simulator's own shipping module, two folders up from a route.
    ['src-main/simulator/routes/v3/parcels.ts', '../../shipping'],
    ['src-main/simulator/labels.ts', '../zpl-render'],
    // Its tests check what it serves against the client's schemas.
    ['src-main/simulator/seed.test.ts', '../sendcloud/schemas'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toBe(false);
  });
});
