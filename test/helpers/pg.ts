// A real PostgreSQL for the warehouse tests. `npm test` starts one throwaway cluster for the run
// (PACKDESK_TEST_PG, scripts/test-services.mjs); each test takes a database of its own on it. A
// test that stops or kills PostgreSQL starts a cluster of its own with `ownCluster`. Run outside
// `npm test` (vitest alone), the first test here starts a cluster for its process.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
// @ts-expect-error: plain JS shared with the test runner and the benchmarks
import { startCluster } from '../../scripts/pg-cluster.mjs';

export interface Cluster {
  port: number;
  /** The cluster's `postgres` database, as its superuser (trust on loopback). */
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

let processCluster: Promise<Cluster> | null = null;

async function sharedServer(): Promise<string> {
  const url = process.env.PACKDESK_TEST_PG;
  if (url) return url;
  processCluster ??= ownCluster().then((cluster) => {
    process.once('exit', () => cluster.destroy());
    return cluster;
  });
  return (await processCluster).url;
}

/** A cluster of this test's own, in a temporary folder; `destroy()` it in afterAll. */
export async function ownCluster(): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'packdesk-pg-'));
  return (await startCluster(dir)) as Cluster;
}

/** `url` with its database replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * An empty database of this test's own, on the run's cluster (or on `cluster`): its URL, and a
 * `drop` for afterAll/afterEach.
 */
export async function freshDatabase(
  cluster?: Pick<Cluster, 'url'>,
): Promise<{ url: string; drop(): Promise<void> }> {
  const server = cluster?.url ?? (await sharedServer());
  const name = `packdesk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(server, name),
    async drop() {
      const client = new pg.Client({ connectionString: server });
      client.on('error', () => undefined);
      await client.connect().catch(() => undefined);
      // pg's pool.end() resolves before its connections have closed: wait for them (up to 3 s),
      // or `force` terminates a closing connection and its pool, with no 'error' listener in a
      // test, throws the server's 57P01 as an unhandled error.
      const until = Date.now() + 3_000;
      while (Date.now() < until) {
        const { rows } = await client
          .query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [name],
          )
          .catch(() => ({ rows: [{ n: 0 }] }));
        if ((rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
