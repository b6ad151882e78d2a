// `npm run simulator`: a local Sendcloud to try things against.
import { startSimulator } from './simulator/index';

async function main(): Promise<void> {
  const port = Number(process.env.PACKDESK_SIMULATOR_PORT ?? 4010);
  const simulator = await startSimulator({ port });
  console.log(`Sendcloud simulator listening at ${simulator.url} (API under /api/v3)`);
  console.log(`Public key: ${simulator.keys.publicKey}`);
  console.log(`Secret key: ${simulator.keys.secretKey}`);
  console.log(`Integration id: ${simulator.integrationId}`);
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
