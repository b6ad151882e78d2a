// `npm run start:web`: the same station, served to a browser on 127.0.0.1 behind a token.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultUserDataDir, readSettings, SettingsError } from './config';
import { startBrowserHost } from './host/http';
import { rasterPool } from './printing/raster-pool';
import { createStation } from './station';

async function main(): Promise<void> {
  const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const settings = readSettings(process.env, { dataDir: defaultUserDataDir() });
  const station = await createStation({ settings, syncIntervalMs: 5 * 60_000 });
  const port = Number(process.env.PACKDESK_WEB_PORT ?? 0);
  const host = await startBrowserHost(station, {
    port: Number.isInteger(port) && port >= 0 ? port : 0,
    staticDir: path.join(outDir, 'renderer'),
  });

  console.log(`Packdesk data: ${settings.dataDir}`);
  if (station.simulator) {
    console.log(
      `Demo mode: orders and labels come from the embedded Sendcloud simulator at ${station.simulator.url}`,
    );
  } else {
    console.log(`Sendcloud: ${settings.sendcloud?.url ?? ''}`);
  }
  if (station.virtualPrinter)
    console.log(`Labels print to the virtual ZPL printer at ${station.virtualPrinter.address}`);
  console.log(`Packdesk is ready. Open this URL in a browser on this machine:\n${host.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => station.close())
      .then(() => rasterPool.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof SettingsError
      ? `Packdesk cannot start: ${error.message}`
      : `Packdesk could not start: ${(error as Error).message}`,
  );
  process.exit(1);
});
