import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const hasElectronBinary = fs.existsSync(path.resolve('node_modules/electron/path.txt'));

describe('npm start without the Electron binary', () => {
  it.skipIf(hasElectronBinary)('says so plainly and points to the browser host', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The Electron binary is not installed');
    expect(result.stderr).toContain('npm run start:web');
    expect(result.stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/);
  });
});
