// Fakes for the client's unit tests: a recording fetch, an auto-advancing virtual clock and the
// example bodies from test/fixtures/sendcloud-examples.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Clock } from '../../src-main/clock';
import {
  createSendcloudClient,
  type SendcloudClientOptions,
} from '../../src-main/sendcloud/client';
import { createRateLimiter } from '../../src-main/sendcloud/rate-limit';
import { exampleUrl } from './examples';

export interface Seen {
  url: URL;
  method: string;
  headers: Headers;
  body: string | null;
}

/** A fake fetch that records each request and answers from a script. */
export function fakeFetch(answer: (seen: Seen, index: number) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request: Seen = {
      url: new URL(input instanceof Request ? input.url : String(input)),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : null,
    };
    seen.push(request);
    return answer(request, seen.length - 1);
  };
  return { fetch, seen };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export function readExample(name: string): unknown {
  const url = exampleUrl(name);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

export const keys = { publicKey: 'pub-key-123', secretKey: 'sec-key-456' };

/**
 * A clock whose time moves only when every sleeper is waiting: after the current work settles,
 * it jumps to the earliest timer. Minutes of limiter traffic run in milliseconds, in order.
 */
export function virtualClock(start = 1_700_000_000_000): Clock & { sleeps: number[] } {
  let now = start;
  const timers: { at: number; seq: number; resolve: () => void }[] = [];
  const sleeps: number[] = [];
  let seq = 0;
  let scheduled = false;
  const tick = () => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.resolve();
    if (timers.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(tick);
  };
  return {
    sleeps,
    now: () => now,
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error);
        timers.push({ at: now + Math.max(0, ms), seq: seq++, resolve });
        schedule();
      });
    },
  };
}

/** A client on its own limiter (so tests do not share a budget) and a virtual clock. */
export function testClient(
  fetch: typeof globalThis.fetch,
  opts: Partial<Omit<SendcloudClientOptions, 'clock'>> = {},
) {
  const clock = virtualClock();
  const client = createSendcloudClient({
    baseUrl: 'http://sim.test',
    ...keys,
    fetch,
    clock,
    limiter: createRateLimiter({ clock }),
    random: () => 0.5,
    ...opts,
  });
  return { client, clock };
}

/** A response example from the vendored OpenAPI documents in resources/sendcloud-spec. */
export function specExample(
  file: string,
  path: string,
  method: string,
  status: string,
  name?: string,
): unknown {
  const url = new URL(`../../resources/sendcloud-spec/${file}`, import.meta.url);
  const text = readFileSync(url, 'utf8');
  const doc = (file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as SpecDoc;
  const content = doc.paths[path]?.[method]?.responses[status]?.content?.['application/json'];
  const example = name ? content?.examples?.[name]?.value : content?.example;
  if (example === undefined)
    throw new Error(`no example ${method} ${path} ${status} ${name ?? ''}`);
  return example;
}

interface SpecDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<
          string,
          {
            content?: Record<
              string,
              { example?: unknown; examples?: Record<string, { value: unknown }> }
            >;
          }
        >;
      }
    >
  >;
}
