// `npm run simulator`: a local Sendcloud to try things against.
//   PACKDESK_SIMULATOR_PORT        default 4010
//   PACKDESK_SIMULATOR_LATENCY_MS  e.g. 250, or 100-400 for a random latency in that range
//   PACKDESK_SIMULATOR_ERROR_RATE  e.g. 500:0.1,429:0.05
//   PACKDESK_SIMULATOR_WEBHOOK_URL e.g. http://127.0.0.1:4020/webhooks/sendcloud: signed
//                                  parcel_status_changed webhooks on every status change
//   PACKDESK_SIMULATOR_WEBHOOK_REDELIVERIES  each webhook sent this many more times (default 0)
//   PACKDESK_SIMULATOR_WEBHOOK_OUT_OF_ORDER  1: each round's webhooks newest first
import { parseErrorRates, parseLatency } from './simulator/faults';
import { startSimulator } from './simulator/index';

async function main(): Promise<void> {
  const port = Number(process.env.PACKDESK_SIMULATOR_PORT ?? 4010);
  const latency = process.env.PACKDESK_SIMULATOR_LATENCY_MS;
  const errorRate = process.env.PACKDESK_SIMULATOR_ERROR_RATE;
  // Parse before starting, so a typo stops the simulator instead of running without faults.
  const faults = {
    ...(latency ? { latencyMs: parseLatency(latency) } : {}),
    ...(errorRate ? { errorRates: parseErrorRates(errorRate) } : {}),
  };
  const webhookUrl = process.env.PACKDESK_SIMULATOR_WEBHOOK_URL?.trim();
  const redeliveries = Number(process.env.PACKDESK_SIMULATOR_WEBHOOK_REDELIVERIES ?? 0);
  if (!Number.isInteger(redeliveries) || redeliveries < 0) {
    throw new Error('PACKDESK_SIMULATOR_WEBHOOK_REDELIVERIES must be a whole number.');
  }
  const simulator = await startSimulator({
    port,
    ...(webhookUrl
      ? {
          webhooks: {
            url: webhookUrl,
            redeliveries,
            outOfOrder: process.env.PACKDESK_SIMULATOR_WEBHOOK_OUT_OF_ORDER === '1',
          },
        }
      : {}),
  });
  simulator.faults.set(faults);
  console.log(`Sendcloud simulator listening at ${simulator.url} (API under /api/v3 and /api/v2)`);
  console.log(`Public key: ${simulator.keys.publicKey}`);
  console.log(`Secret key: ${simulator.keys.secretKey}`);
  console.log(`Integration id: ${simulator.integrationId}`);
  if (webhookUrl) {
    console.log(`Webhooks to ${webhookUrl}, signed with the secret key above`);
  }
  if (latency || errorRate) {
    console.log(`Faults: latency ${latency ?? '0'} ms, error rates ${errorRate ?? 'none'}`);
  }
  console.log(
    `Point a station at it: PACKDESK_SENDCLOUD_URL=${simulator.url} PACKDESK_SENDCLOUD_PUBLIC_KEY=${simulator.keys.publicKey} PACKDESK_SENDCLOUD_SECRET_KEY=<secret> npm run start:web`,
  );
  const stop = () => void simulator.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The simulator could not start: ${(error as Error).message}`);
  process.exit(1);
});
