// `npm run hub`: the warehouse's webhook receiver, on the one machine Sendcloud can reach (behind
// the warehouse's reverse proxy, which terminates TLS and forwards to it).
//   PACKDESK_WAREHOUSE_DB         postgres://user:password@host:port/db (required)
//   PACKDESK_WEBHOOK_SECRET       the integration's secret key Sendcloud signs with (required;
//                                 several separated by commas)
//   PACKDESK_HUB_HOST             default 127.0.0.1
//   PACKDESK_HUB_PORT             default 4020
//   PACKDESK_HUB_REPLAY_WINDOW_S  default 28800 (8 h): older webhooks are dropped
//   PACKDESK_HUB_BODY_LIMIT       bytes, default 262144
import { SettingsError } from './config';
import { HEALTH_PATH, startHub, WEBHOOK_PATH } from './hub/server';
import { readHubSettings } from './hub/settings';

async function main(): Promise<void> {
  const settings = readHubSettings(process.env);
  const hub = await startHub(settings);
  console.log(`Packdesk hub listening at ${hub.url}`);
  console.log(`Sendcloud's webhook URL (through the reverse proxy): …${WEBHOOK_PATH}`);
  console.log(`Health: ${hub.url}${HEALTH_PATH}`);
  const stop = () => void hub.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof SettingsError ? error.message : (error as Error).message;
  console.error(`The hub could not start: ${message}`);
  process.exit(1);
});
