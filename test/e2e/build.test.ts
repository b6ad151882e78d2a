import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

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
});
