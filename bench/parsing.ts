// Parsing Sendcloud's answers: JSON.parse and the client's zod schema, through the sender's own
// `parseAnswer`, for the two answers the station reads most: a page of 200 orders (`GET
// /orders`, the order sync) and a create-label-sync answer with its base64 PDF label (each scan).
// The bodies are the simulator's real answers, taken once over HTTP, then parsed in a loop.
import { setLogSink } from '../src-main/log';
import { labelSyncResponseSchema, orderListSchema } from '../src-main/sendcloud/schemas';
import { parseAnswer, type ApiResponse } from '../src-main/sendcloud/sender';
import { startSimulator } from '../src-main/simulator/index';
import { percentile, round, type BenchResult } from './stats';

const PAGE = 200;
const WARMUP = 50;
const SAMPLES = 500;
const GOAL_MS = 2;

async function answer(url: string, init: RequestInit, auth: string): Promise<ApiResponse> {
  const response = await fetch(url, {
    ...init,
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.toString()}`);
  return { status: response.status, headers: response.headers, body };
}

/** Each parse in turn, sample after sample, so that a busy moment falls on all of them. */
function timeInTurn(first: () => unknown, second: () => unknown): [number[], number[]] {
  for (let i = 0; i < WARMUP; i++) {
    first();
    second();
  }
  const samples: [number[], number[]] = [[], []];
  const time = (parse: () => unknown, into: number[]) => {
    const start = performance.now();
    parse();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < SAMPLES; i++) {
    time(first, samples[0]);
    time(second, samples[1]);
  }
  return samples;
}

function timeParses(parse: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) parse();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    parse();
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function benchParsing(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  const simulator = await startSimulator({ orderCount: PAGE, rateLimits: false });
  try {
    const { publicKey, secretKey } = simulator.keys;
    const auth = `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString('base64')}`;
    const api = `${simulator.url}/api/v3`;
    const page = await answer(`${api}/orders?page_size=${PAGE}`, { method: 'GET' }, auth);
    const order = simulator.orders()[0];
    if (!order) throw new Error('no order');
    const label = await answer(
      `${api}/orders/create-label-sync`,
      {
        method: 'POST',
        body: JSON.stringify({
          integration_id: simulator.integrationId,
          order: { order_id: order.order_id },
          label_details: { mime_type: 'application/pdf', dpi: 72 },
        }),
      },
      auth,
    );

    const pageParse = () => {
      const { data } = parseAnswer(orderListSchema, page, 'GET /orders');
      if (data.data.length !== PAGE) throw new Error(`a page of ${data.data.length} orders`);
    };
    // The floor no schema work can take back: decoding the bytes and JSON.parse, timed in turn
    // with the full parse so that both see the same machine.
    const jsonOnly = () => JSON.parse(page.body.toString('utf8')) as unknown;
    const [pageSamples, jsonSamples] = timeInTurn(pageParse, jsonOnly);
    const labelSamples = timeParses(() =>
      parseAnswer(labelSyncResponseSchema, label, 'POST /orders/create-label-sync'),
    );
    const kb = (response: ApiResponse) => round(response.body.length / 1024, 0);
    const ms = (samples: number[], p: number) => round(percentile(samples, p), 3);
    console.log(
      `  parsing: ${PAGE} orders (${kb(page)} KiB) p50 ${ms(pageSamples, 50)} ms p95 ` +
        `${ms(pageSamples, 95)} ms (decode + JSON.parse alone p50 ${ms(jsonSamples, 50)} ms p95 ` +
        `${ms(jsonSamples, 95)} ms), create-label-sync (${kb(label)} KiB) p50 ` +
        `${ms(labelSamples, 50)} ms p95 ${ms(labelSamples, 95)} ms`,
    );
    const result = (name: string, samples: number[], goal: string | null): BenchResult => ({
      name,
      unit: 'ms',
      p50: round(percentile(samples, 50), 3),
      p95: round(percentile(samples, 95), 3),
      goal,
    });
    const ratio = (p: number) => round(percentile(pageSamples, p) / percentile(jsonSamples, p), 2);
    return [
      result(
        `parsing: GET /orders page of ${PAGE} (JSON.parse + zod)`,
        pageSamples,
        `p95 < ${GOAL_MS} ms`,
      ),
      result(
        `parsing: GET /orders page of ${PAGE}, decode + JSON.parse alone (the floor)`,
        jsonSamples,
        null,
      ),
      {
        name: `parsing: GET /orders page of ${PAGE}, full parse / decode + JSON.parse`,
        unit: 'ratio',
        p50: ratio(50),
        p95: ratio(95),
        goal: null,
      },
      result(
        'parsing: create-label-sync answer with a PDF label (JSON.parse + zod)',
        labelSamples,
        `p95 < ${GOAL_MS} ms`,
      ),
    ];
  } finally {
    await simulator.close();
  }
}
