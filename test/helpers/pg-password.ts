// A PostgreSQL cluster that checks a password: the run's clusters trust every loopback
// connection, so a wrong password would pass. This one asks one role of its own for its password
// (scram-sha-256) and still trusts the superuser, for the test's own set-up and look-ups.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { ownCluster, withDatabase, type Cluster } from './pg';

export interface PasswordCluster {
  cluster: Cluster;
  /** The role that must give its password. */
  user: string;
  password: string;
  /** A database the role owns, empty. */
  database: string;
  /** `postgres://user@127.0.0.1:port/database`, without the password. */
  url: string;
  /** The same, as the superuser (no password needed). */
  adminUrl: string;
  destroy(): void;
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function passwordCluster(): Promise<PasswordCluster> {
  const cluster = await ownCluster();
  const user = 'packdesk_station';
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const database = 'warehouse';
  await admin(cluster.url, async (client) => {
    await client.query(`create role ${user} login password '${password}'`);
    await client.query(`create database ${database} owner ${user}`);
    const { rows } = await client.query<{ hba_file: string }>('show hba_file');
    const file = rows[0]?.hba_file;
    if (!file) throw new Error('The cluster names no pg_hba.conf');
    // First match wins: this role's connections over TCP must give the password.
    const rules = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `host all ${user} 127.0.0.1/32 scram-sha-256\n${rules}`);
    await client.query('select pg_reload_conf()');
  });
  const url = `postgres://${user}@127.0.0.1:${cluster.port}/${database}`;
  // The reload is a signal: wait until the server asks for the password.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new pg.Client({ connectionString: url, password: 'not-the-password' });
    const refused = await probe.connect().then(
      () => false,
      () => true,
    );
    await probe.end().catch(() => undefined);
    if (refused) break;
    if (Date.now() > deadline) throw new Error('The cluster never asked for a password');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    cluster,
    user,
    password,
    database,
    url,
    adminUrl: withDatabase(cluster.url, database),
    destroy: () => cluster.destroy(),
  };
}
