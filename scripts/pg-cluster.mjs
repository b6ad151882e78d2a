// A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's server binaries, a data
// folder in a temporary directory, a free port on 127.0.0.1, never 5432. As root the server runs
// as the `postgres` user (PostgreSQL refuses root); otherwise as whoever runs this. `fsync=off`:
// a test cluster's data is thrown away, and the fsyncs would only slow the shared machine down.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Debian's newest installed server, or null when `postgresql` is not installed. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => (port === 5432 ? resolve(freePort()) : resolve(port)));
    });
  });
}

function asServerUser(bin, args, opts = {}) {
  const root = process.getuid?.() === 0;
  const [program, programArgs] = root
    ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
    : [bin, args];
  return spawnSync(program, programArgs, { encoding: 'utf8', ...opts });
}

function chownToServer(dir) {
  if (process.getuid?.() !== 0) return;
  const result = spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  if (result.status !== 0) throw new Error(`chown postgres ${dir} failed`);
}

/**
 * Start a cluster in `dir` (made and owned by the server's user). Resolves with its URL and
 * `stop()` (fast shutdown, data kept), `start()` (again, same port and data) and `destroy()`
 * (stop and remove the folder).
 */
export async function startCluster(dir, { log } = {}) {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql)');
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  chownToServer(dir);
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const init = asServerUser(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const ctl = (action, extra = []) =>
    asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-l', logFile, ...extra, action]);
  const start = () => {
    const result = ctl('start', ['-w', '-t', '30', '-o', options]);
    if (result.status !== 0) {
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2_000) : '';
      throw new Error(`PostgreSQL did not start on 127.0.0.1:${port}: ${result.stderr}\n${tail}`);
    }
    if (log) fs.writeSync(log, `PostgreSQL started on 127.0.0.1:${port}\n`);
  };
  const stop = () => {
    ctl('stop', ['-w', '-t', '30', '-m', 'fast']);
  };
  start();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy() {
      stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Run `psql -c sql` against `url`; the output, or throws with psql's error. */
export function psql(url, sql) {
  const result = spawnSync('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout.trim();
}
