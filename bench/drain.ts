// Outbox drain against Sendcloud's rate limits: 500 scans queue while Sendcloud is unreachable
// (a gate in front of the simulator refuses every connection), then the gate opens and the
// station drains. The drain (gate open to the 500th label at the printer) is compared with the
// bound measured in the same run: 500 bare create-label calls, one after another, through a
// fresh client limiter against the same simulator's documented limits (a second account, so
// its budget is untouched), run beside the drain in the simulator's process.
//
// The simulator runs in a child process (bench/sim-process.ts) on a warp clock shared with this
// process: simulated time runs 20x while both wait (on the rate limit), and at real pace while
// the station or the simulator works, so their CPU time is counted once, not twenty times; the
// ~5 simulated minutes take under a real minute. A fixed 20x read 1.10 quiet and 1.80 with a
// core busy, since the drain's last window is the station's CPU time, multiplied.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setLogSink } from '../src-main/log';
import { startVirtualPrinter } from '../src-main/printing/virtual-printer';
import { createRateLimiter } from '../src-main/sendcloud/rate-limit';
import { DOCUMENTED_LIMITS } from '../src-main/simulator/rate-limit';
import { createStation } from '../src-main/station';
import { startSimProcess } from './sim-process';
import { round, type BenchResult } from './stats';

const SCANS = 500;
/** Simulated time runs this much faster than real time while everyone waits. */
const SPEED = 20;
const GOAL_RATIO = 1.2;
/** While the station or the simulator works, simulated time runs this much faster. */
const SLOW = 1;

/**
 * A TCP gate in front of the simulator on a fixed port. Open, it pipes each connection through;
 * shut, it drops the open ones and stops listening, so a new connection is refused: Sendcloud
 * out of reach, as a cut line or a dead route makes it.
 */
async function startGate(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  const pipe = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  };
  const listen = async (port: number) => {
    const server = net.createServer(pipe);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return server;
  };
  let server: net.Server | null = await listen(0);
  const { port } = server.address() as net.AddressInfo;
  const shut = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    shut,
    async open() {
      server ??= await listen(port);
    },
    close: shut,
  };
}

/** When the `count`-th write could start at the earliest under the documented budgets. */
function theoreticalScheduleMs(count: number): number {
  const { writes, burst } = DOCUMENTED_LIMITS;
  const windows = Math.floor((count - 1) / writes);
  const inLastWindow = ((count - 1) % writes) + 1;
  return windows * 60_000 + Math.floor((inLastWindow - 1) / burst) * 1_000;
}

export async function benchDrain(): Promise<BenchResult[]> {
  setLogSink({ write: () => undefined }, 'error');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-drain-'));
  // Two accounts: the station drains the first; the bound is measured on the second.
  const simulator = await startSimProcess({
    speed: SPEED,
    warp: { slow: SLOW },
    orderCount: SCANS,
    accounts: [{}, {}],
  });
  const { clock } = simulator;
  const [stationAccount, boundAccount] = simulator.accounts;
  if (!stationAccount || !boundAccount) throw new Error('two accounts expected');
  const simUrl = new URL(simulator.url);
  const gate = await startGate({ host: simUrl.hostname, port: Number(simUrl.port) });
  const printer = await startVirtualPrinter();
  const station = await createStation({
    clock,
    settings: {
      dataDir,
      sendcloud: { url: gate.url, ...pickKeys(stationAccount) },
      integrationId: stationAccount.integrationId,
      sendcloudTimeoutMs: 30_000,
      printer: { host: printer.host, port: printer.port },
    },
    sendcloudClient: { limiter: createRateLimiter({ clock }) },
  });
  try {
    await station.handlers['orders.sync']({});
    const orders = (await simulator.orders(0)).slice(0, SCANS);
    if (orders.length < SCANS) throw new Error('too few orders');

    await gate.shut();
    // A clean cut: the station's idle connections see the close before the first scan, so every
    // try while shut is refused and spends no budget. (A write on a connection cut under it may
    // have reached Sendcloud and rightly holds a slot for a minute; at exactly 500 writes that
    // one slot is a fifth window, +60 s.)
    await new Promise((resolve) => setTimeout(resolve, 100));
    const entries = await Promise.all(
      orders.map((order) => station.handlers['scan.submit']({ code: order.orderNumber })),
    );
    const notQueued = entries.filter((entry) => entry.state !== 'queued');
    if (notQueued.length > 0) {
      throw new Error(
        `${notQueued.length} scans were not queued: ${JSON.stringify(notQueued[0]?.step)}`,
      );
    }
    if (printer.jobs.length > 0) throw new Error('a label printed while offline');
    const requestsBefore = await simulator.requestCount();

    // The bound runs beside the drain, in the simulator's process, so both see the same machine
    // and the run takes one drain's time, not two.
    const bound = simulator.labelOneAtATime({ account: 1, count: SCANS });
    const drainStart = clock.now();
    await gate.open();
    await printer.waitForJobs(SCANS, 240_000);
    const drainMs = clock.now() - drainStart;
    const drained = await simulator.requests(requestsBefore);
    // The last label's print job finishes after its bytes arrive (the status read after it).
    let status = await station.handlers['station.status']({});
    for (let i = 0; i < 50 && status.connectivity.queueLength > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await station.handlers['station.status']({});
    }
    const labels = await simulator.labelsPerOrder();
    const perOrder = orders.map((order) => labels[order.orderNumber] ?? 0);
    if (perOrder.some((count) => count !== 1) || printer.jobs.length !== SCANS) {
      throw new Error('the drain did not make exactly one label per order');
    }
    const { startedAt, endedAt } = await bound;
    const boundMs = endedAt - startedAt;

    const ratio = drainMs / boundMs;
    const refused = drained.filter(
      (request) => request.status === 429 && request.publicKey === stationAccount.publicKey,
    ).length;
    console.log(
      `  drain: ${SCANS} queued scans drained in ${round(drainMs / 1000, 1)} s simulated ` +
        `(bound ${round(boundMs / 1000, 1)} s, ratio ${round(ratio, 3)}), ` +
        `${refused} answers of 429, queue left ${status.connectivity.queueLength}, ` +
        `${simulator.paceChanges()} pace changes`,
    );
    const seconds = (ms: number) => round(ms / 1000, 1);
    return [
      {
        name: `outbox drain: ${SCANS} queued scans, connection back to last label printed`,
        unit: 's (simulated)',
        p50: seconds(drainMs),
        p95: seconds(drainMs),
        goal: `<= ${GOAL_RATIO} x the rate-limit bound`,
      },
      {
        name: `outbox drain: rate-limit bound (${SCANS} bare writes, fresh limiter, same run)`,
        unit: 's (simulated)',
        p50: seconds(boundMs),
        p95: seconds(boundMs),
        goal: null,
      },
      {
        name: 'outbox drain / rate-limit bound',
        unit: 'ratio',
        p50: round(ratio, 3),
        p95: round(ratio, 3),
        goal: `<= ${GOAL_RATIO}`,
      },
      {
        name: `outbox drain: theoretical schedule (${SCANS}th write may start, 100/min, 15/s)`,
        unit: 's (simulated)',
        p50: seconds(theoreticalScheduleMs(SCANS)),
        p95: seconds(theoreticalScheduleMs(SCANS)),
        goal: null,
      },
      {
        name: 'outbox drain: 429 answers during the drain',
        unit: 'count',
        p50: refused,
        p95: refused,
        goal: null,
      },
    ];
  } finally {
    await station.close();
    await gate.close();
    await printer.close();
    await simulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function pickKeys(account: { publicKey: string; secretKey: string }) {
  return { publicKey: account.publicKey, secretKey: account.secretKey };
}
