// The child process of bench/sim-process.ts: one simulator, on a clock built from the parent's
// anchor, answering the parent's calls over IPC. It exits when the parent goes away.
import type { WarpClock } from '../src-main/clock';
import { setLogSink } from '../src-main/log';
import { createSendcloudClient } from '../src-main/sendcloud/client';
import { createRateLimiter } from '../src-main/sendcloud/rate-limit';
import { carrierForOption } from '../src-main/simulator/carriers';
import { startSimulator, type Simulator } from '../src-main/simulator/index';
import type {
  ChildMessage,
  ParentMessage,
  SimCall,
  SimCalls,
  SimChildOptions,
} from './sim-process';
import { followClock, reportLoad } from './follow-clock';

setLogSink({ write: () => undefined }, 'error');

let simulator: Simulator | null = null;

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

let warped: WarpClock | null = null;

async function start(options: SimChildOptions): Promise<void> {
  const { clock: how, ...rest } = options;
  const followed = followClock(how);
  warped = followed.warped;
  const clock = followed.clock;
  // A warp clock's child reports how busy its event loop was, each tick, to the pace keeper.
  if (how.kind === 'warp') {
    reportLoad(how.tickMs, (utilization) =>
      process.send?.({ type: 'load', utilization } satisfies ChildMessage),
    );
  }
  simulator = await startSimulator({ ...rest, clock });
  await send({
    type: 'ready',
    url: simulator.url,
    accounts: simulator.accounts.map((account) => ({
      publicKey: account.publicKey,
      secretKey: account.secretKey,
      integrationId: account.integrationId,
      senderAddressId: account.senderAddressId,
      orderNumberPrefix: account.orderNumberPrefix,
    })),
  });
}

type Handlers = {
  [K in SimCall]: (sim: Simulator, args: SimCalls[K]['args']) => Promise<SimCalls[K]['result']>;
};

const handlers: Handlers = {
  async labelOneAtATime(sim, { account, count, format }) {
    const target = sim.accounts[account];
    if (!target) throw new RangeError(`no account ${account}`);
    const orders = target.orders().slice(0, count);
    if (orders.length < count) throw new RangeError(`account ${account} has too few orders`);
    const client = createSendcloudClient({
      baseUrl: sim.url,
      publicKey: target.publicKey,
      secretKey: target.secretKey,
      clock: sim.clock,
      limiter: createRateLimiter({ clock: sim.clock }),
      timeoutMs: 30_000,
    });
    const startedAt = sim.clock.now();
    for (const order of orders) {
      await client.createLabelSync({
        integrationId: target.integrationId,
        order: { orderId: order.order_id },
        format,
        dpi: 203,
      });
    }
    return { count, startedAt, endedAt: sim.clock.now() };
  },
  async orders(sim, { account }) {
    const target = sim.accounts[account];
    if (!target) throw new RangeError(`no account ${account}`);
    return target.orders().map((order) => {
      const carrier = carrierForOption(order.shipping_option_code);
      return {
        id: order.id,
        orderId: order.order_id,
        orderNumber: order.order_number,
        country: order.country,
        shippingOptionCode: order.shipping_option_code,
        carrier: carrier?.code ?? 'unknown',
        nativeZpl: carrier?.nativeZpl !== false,
      };
    });
  },
  async ledger(sim, { from }) {
    return sim.ledger.slice(from).map((entry) => ({
      orderId: entry.orderId,
      orderNumber: entry.orderNumber,
      parcelId: entry.parcelId,
      trackingNumber: entry.trackingNumber,
      carrier: entry.carrier,
      format: entry.format,
      bytes: entry.bytes.length,
      createdAt: entry.createdAt,
      publicKey: entry.publicKey,
      via: entry.via,
    }));
  },
  async labelsPerOrder(sim) {
    const counts: Record<string, number> = {};
    for (const entry of sim.ledger)
      counts[entry.orderNumber] = (counts[entry.orderNumber] ?? 0) + 1;
    return counts;
  },
  async requests(sim, { from }) {
    return sim.requests.slice(from);
  },
  async requestCount(sim) {
    return sim.requests.length;
  },
  async setFaults(sim, { faults }) {
    sim.faults.set(faults);
    return null;
  },
  async resetFaults(sim) {
    sim.faults.reset();
    return null;
  },
  async close(sim) {
    await sim.close();
    simulator = null;
    return null;
  },
};

async function answer(message: Extract<ParentMessage, { type: 'call' }>): Promise<void> {
  try {
    if (!simulator) throw new Error('the simulator is not running');
    const handler = handlers[message.call] as (sim: Simulator, args: unknown) => Promise<unknown>;
    await send({ type: 'reply', id: message.id, result: await handler(simulator, message.args) });
  } catch (error) {
    await send({
      type: 'reply',
      id: message.id,
      error: String(error instanceof Error ? error.message : error),
    });
  }
  if (message.call === 'close') process.disconnect();
}

process.on('message', (raw) => {
  const message = raw as ParentMessage;
  if (message.type === 'segment') {
    warped?.follow(message.segment);
  } else if (message.type === 'start') {
    start(message.options).catch((error: unknown) => {
      void send({
        type: 'failed',
        error: String(error instanceof Error ? error.stack : error),
      }).then(() => process.exit(1));
    });
  } else {
    void answer(message);
  }
});
// The parent went away (or asked to close): nothing is left to answer.
process.on('disconnect', () => {
  void (simulator?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
