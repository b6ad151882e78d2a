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

    const pageSamples = timeParses(() => {
      const { data } = parseAnswer(orderListSchema, page, 'GET /orders');
      if (data.data.length !== PAGE) throw new Error(`a page of ${data.data.length} orders`);
    });
    const labelSamples = timeParses(() =>
      parseAnswer(labelSyncResponseSchema, label, 'POST /orders/create-label-sync'),
    );
    // How much of the page is JSON.parse alone, which no schema work can take back.
    const jsonOnly = timeParses(() => JSON.parse(page.body.toString('utf8')));
    const kb = (response: ApiResponse) => round(response.body.length / 1024, 0);
    const ms = (samples: number[], p: number) => round(percentile(samples, p), 3);
    console.log(
      `  parsing: ${PAGE} orders (${kb(page)} KiB) p50 ${ms(pageSamples, 50)} ms p95 ` +
        `${ms(pageSamples, 95)} ms (JSON.parse alone p50 ${ms(jsonOnly, 50)} ms), ` +
        `create-label-sync (${kb(label)} KiB) p50 ${ms(labelSamples, 50)} ms p95 ` +
        `${ms(labelSamples, 95)} ms`,
    );
    const result = (name: string, samples: number[]): BenchResult => ({
      name,
      unit: 'ms',
      p50: round(percentile(samples, 50), 3),
      p95: round(percentile(samples, 95), 3),
      goal: `p95 < ${GOAL_MS} ms`,
    });
    return [
      result(`parsing: GET /orders page of ${PAGE} (JSON.parse + zod)`, pageSamples),
      result('parsing: create-label-sync answer with a PDF label (JSON.parse + zod)', labelSamples),
    ];
  } finally {
    await simulator.close();
  }
}
