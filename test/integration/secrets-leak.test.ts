// Issue #6: after a full run with known keys — onboarding, scans, a reprint, a failure, a 401 and a
// reconnect, removing an account, the environment's headless keys — no key, nor its base64 form,
// is in the database file, its WAL, the logs, any contract response or any event.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../../src-shared';
import { createKeytarStore } from '../../src-main/accounts/keychain';
import { setLogSink } from '../../src-main/log';
import { startVirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { nextEvent } from '../helpers/outbox';
import { tempDir } from '../helpers/tmp';

const canaries = {
  envPublic: 'pk-env-CANARY-7d1f3a',
  envSecret: 'sk-env-CANARY-c0ffee-91a2',
  onePublic: 'pk-one-CANARY-5b7e21',
  oneSecret: 'sk-one-CANARY-badc0de-44',
  rotatedPublic: 'pk-rot-CANARY-0e9c77',
  rotatedSecret: 'sk-rot-CANARY-f00d-8812',
  wrongSecret: 'sk-wrong-CANARY-dead-0001',
};

/** Every form a key could leak in: as is, base64 and base64url, and inside a Basic header. */
function forms(): string[] {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const b64url = (text: string) => Buffer.from(text).toString('base64url');
  const pairs = [
    [canaries.envPublic, canaries.envSecret],
    [canaries.onePublic, canaries.oneSecret],
    [canaries.rotatedPublic, canaries.rotatedSecret],
    [canaries.onePublic, canaries.wrongSecret],
  ] as const;
  const secrets = [
    canaries.envSecret,
    canaries.oneSecret,
    canaries.rotatedSecret,
    canaries.wrongSecret,
  ];
  return [
    ...secrets,
    ...secrets.map(b64),
    ...secrets.map(b64url),
    ...pairs.map(([p, s]) => b64(`${p}:${s}`)),
    // base64 of a key inside a longer text shifts with its offset: the three alignments.
    ...secrets.flatMap((s) => [b64(`x${s}`).slice(4, -4), b64(`xy${s}`).slice(4, -4)]),
  ];
}

function hits(haystack: Buffer | string, where: string): string[] {
  const text = Buffer.isBuffer(haystack) ? haystack.toString('latin1') : haystack;
  return forms()
    .filter((form) => text.includes(form))
    .map((form) => `${where}: ${form}`);
}

describe('no key leaks', () => {
  const logs: string[] = [];
  afterAll(() => setLogSink({ write: (line) => process.stderr.write(line + '\n') }, 'warn'));

  it('finds no key in the database, WAL, logs, responses or events after a full run', async () => {
    setLogSink({ write: (line) => logs.push(line) }, 'debug');
    const data = tempDir();
    const simulator = await startSimulator({ accounts: [{}, {}], orderVisibilityDelayMs: 0 });
    const [envAccount, oneAccount] = simulator.accounts;
    if (!envAccount || !oneAccount) throw new Error('two accounts');
    simulator.rotateKeys(envAccount.publicKey, {
      publicKey: canaries.envPublic,
      secretKey: canaries.envSecret,
    });
    simulator.rotateKeys(oneAccount.publicKey, {
      publicKey: canaries.onePublic,
      secretKey: canaries.oneSecret,
    });
    const printer = await startVirtualPrinter();
    const keys = createKeytarStore({ service: `Packdesk leak test ${randomUUID()}` });
    const station: Station = await createStation({
      keys,
      printerPollMs: 0,
      settings: {
        dataDir: data.dir,
        // The environment's headless keys for one account, the keychain for the other.
        sendcloud: {
          url: simulator.url,
          publicKey: canaries.envPublic,
          secretKey: canaries.envSecret,
        },
        sendcloudUrl: simulator.url,
        integrationId: null,
        sendcloudTimeoutMs: 30_000,
        printer: { host: printer.host, port: printer.port },
      },
    });
    const seen: string[] = [];
    station.subscribe((event, payload) => seen.push(`event ${event}: ${JSON.stringify(payload)}`));
    const call = async (name: CommandName, input: unknown) => {
      const handler = station.handlers[name] as (input: unknown) => Promise<unknown>;
      try {
        const value = await handler(input);
        seen.push(`response ${name}: ${JSON.stringify(value)}`);
        return value;
      } catch (error) {
        seen.push(`error ${name}: ${JSON.stringify(error)} ${(error as Error).message}`);
        return null;
      }
    };
    let accountId = '';
    try {
      await call('orders.sync', {});
      await call('accounts.verify', {
        publicKey: canaries.onePublic,
        secretKey: canaries.wrongSecret,
      });
      const choices = (await call('accounts.verify', {
        publicKey: canaries.onePublic,
        secretKey: canaries.oneSecret,
      })) as { integrations: { id: number }[] };
      const added = (await call('accounts.add', {
        publicKey: canaries.onePublic,
        secretKey: canaries.oneSecret,
        name: 'Second',
        api: 'v3',
        integrationId: choices.integrations[0]!.id,
        senderAddressId: null,
        brandId: null,
        shippingOptionCode: null,
        testMode: false,
      })) as { id: string };
      accountId = added.id;
      await call('orders.sync', {});
      const envOrder = envAccount.orders()[0]!.order_number;
      const oneOrder = oneAccount.orders()[0]!.order_number;
      const printed = (await call('scan.submit', { code: envOrder })) as { trackingNumber: string };
      await call('scan.submit', { code: oneOrder });
      await call('scan.submit', { code: printed.trackingNumber });
      await call('scan.submit', { code: 'NO-SUCH-ORDER' });
      await call('label.preview', { trackingNumber: printed.trackingNumber });
      // Sendcloud refuses account two's keys; new ones reconnect it.
      simulator.revokeKeys(canaries.onePublic);
      const waiting = (await call('scan.submit', {
        code: oneAccount.orders()[1]!.order_number,
      })) as { id: string; state: string };
      expect(waiting.state).toBe('queued');
      const printedAfterReconnect = nextEvent(
        station,
        'scan.updated',
        (entry) => entry.id === waiting.id && entry.state === 'printed',
        'the waiting label printed after the reconnect',
      );
      simulator.rotateKeys(canaries.onePublic, {
        publicKey: canaries.rotatedPublic,
        secretKey: canaries.rotatedSecret,
      });
      await call('accounts.reconnect', {
        id: accountId,
        publicKey: canaries.rotatedPublic,
        secretKey: canaries.rotatedSecret,
      });
      await printedAfterReconnect;
      for (const name of [
        'station.status',
        'scan.recent',
        'queue.list',
        'accounts.list',
        'merchants.list',
        'printers.list',
      ] as const) {
        await call(name, {});
      }
      const today = new Date().toISOString().slice(0, 10);
      await call('billing.export', { from: today, to: today });
      // Files while the station runs: the WAL holds the newest writes.
      const live = ['packdesk.sqlite', 'packdesk.sqlite-wal']
        .map((file) => path.join(data.dir, file))
        .filter((file) => fs.existsSync(file))
        .map((file) => ({ file, bytes: fs.readFileSync(file) }));
      expect(live.length).toBe(2);
      await call('accounts.remove', { id: accountId });

      const found = [
        ...live.flatMap(({ file, bytes }) => hits(bytes, path.basename(file))),
        ...hits(logs.join('\n'), 'logs'),
        ...seen.flatMap((line) => hits(line, line.slice(0, 40))),
      ];
      expect(found).toEqual([]);
      // The test saw real traffic: the run did what it claims.
      expect(seen.some((line) => line.startsWith('response scan.submit'))).toBe(true);
      expect(logs.length).toBeGreaterThan(0);
      expect(simulator.ledger.length).toBeGreaterThanOrEqual(3);
    } finally {
      await station.close();
      if (accountId) await keys.remove(accountId).catch(() => undefined);
      await printer.close();
      await simulator.close();
    }
    // And after the station closed (WAL checkpointed into the file).
    const after = ['packdesk.sqlite', 'packdesk.sqlite-wal', 'packdesk.sqlite-shm']
      .map((file) => path.join(data.dir, file))
      .filter((file) => fs.existsSync(file))
      .flatMap((file) => hits(fs.readFileSync(file), path.basename(file)));
    expect(after).toEqual([]);
    data.cleanup();
  });
});
