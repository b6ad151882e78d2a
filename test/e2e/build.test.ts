import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderPdfLabel } from '../../src-main/simulator/labels';
import { labelData } from '../helpers/fixtures';
import { tempDir } from '../helpers/tmp';

// What `npm run build` produced, checked where a mistake would quietly weaken the sandbox.
describe('the built app', () => {
  it('has a preload that requires nothing but electron, as a sandboxed preload must', () => {
    const preload = fs.readFileSync('out/preload/index.cjs', 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('ships the renderer with a CSP that forbids inline and remote scripts', () => {
    const html = fs.readFileSync('out/renderer/index.html', 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('keeps electron out of the browser host and the simulator entries', () => {
    for (const entry of ['out/main/web.js', 'out/main/simulator.js']) {
      expect(fs.readFileSync(entry, 'utf8')).not.toMatch(
        /from ["']electron["']|require\(["']electron["']\)/,
      );
    }
  });

  it('draws a PDF label in its raster worker, out/main/raster-worker.js, found from a chunk', async () => {
    // The built chunk holding the pool, in plain Node as `node out/main/web.js` loads it.
    const chunk = fs
      .readdirSync('out/main/chunks')
      .map((name) => path.resolve('out/main/chunks', name))
      .find((file) => fs.readFileSync(file, 'utf8').includes('raster-worker-ready'));
    expect(chunk).toBeDefined();
    const { dir, cleanup } = tempDir();
    try {
      const pdfFile = path.join(dir, 'label.pdf');
      fs.writeFileSync(pdfFile, await renderPdfLabel(labelData));
      const script = `
        import fs from 'node:fs';
        import { threadId } from 'node:worker_threads';
        const built = Object.values(await import(${JSON.stringify(pathToFileURL(chunk!).href)}));
        const pdfToZpl = built.find((v) => typeof v === 'function' && v.name === 'pdfToZpl');
        const pool = built.find((v) => v?.constructor?.name === 'RasterPool');
        const pdf = fs.readFileSync(${JSON.stringify(pdfFile)});
        const drawn = await pool.run({ kind: 'pdf-to-zpl', pdf, dpi: 203 });
        const zpl = await pdfToZpl(pdf, { dpi: 300 });
        console.log(JSON.stringify({
          main: threadId,
          worker: drawn.threadId,
          at203: drawn.bytes.toString('latin1', 0, 30),
          at300: zpl.toString('latin1', 0, 30),
        }));`;
      const scriptFile = path.join(dir, 'draw.mjs');
      fs.writeFileSync(scriptFile, script);
      // It must also end by itself: an idle worker never keeps the process alive.
      const { stdout } = await promisify(execFile)(process.execPath, [scriptFile], {
        timeout: 60_000,
      });
      const out = JSON.parse(stdout) as Record<string, unknown>;
      expect(out.worker).not.toBe(out.main);
      expect(out.at203).toMatch(/^\^XA\^PW812\^LL1218\^FO0,0\^GFA,/);
      expect(out.at300).toMatch(/^\^XA\^PW1200\^LL1800\^FO0,0\^GFA,/);
    } finally {
      cleanup();
    }
  });
});
