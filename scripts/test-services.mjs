// The servers `npm test` starts for its tests and stops afterwards, each in a temporary folder:
// a D-Bus session bus with an unlocked GNOME Keyring (the keychain tests need a real Secret
// Service), and a CUPS scheduler of its own on a free port (the printing tests add queues to it).
// Neither touches the user's own keyring or CUPS. What they say goes to the log the caller gives.
import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { postgresBin, startCluster } from './pg-cluster.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function output(command, args, env) {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 5_000 }, (error, stdout) =>
      resolve(error ? null : stdout),
    );
  });
}

async function pollUntil(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(50);
  }
  return false;
}

const exited = (child) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', resolve));

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited(child);
  clearTimeout(timer);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const dbusCall = (env, dest, object, method, ...args) =>
  output(
    'dbus-send',
    ['--session', '--print-reply', `--dest=${dest}`, object, method, ...args],
    env,
  );

/**
 * A session bus with gnome-keyring-daemon, its keyring in `dir` unlocked with a random password
 * that only goes down the daemon's stdin: never on a command line, in an environment or a log.
 * Resolves the environment the tests need, and how to stop both.
 */
export async function startKeyringSession(dir, log) {
  const runtime = path.join(dir, 'run');
  fs.mkdirSync(runtime, { mode: 0o700 });
  // The daemon, and anything D-Bus starts on demand, keep their files here, not the user's.
  const env = {
    ...process.env,
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_RUNTIME_DIR: runtime,
  };
  // No display: a keyring prompt could appear there and wait for someone.
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.DBUS_SESSION_BUS_ADDRESS;

  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address'], {
    env,
    stdio: ['ignore', 'pipe', log],
  });
  const address = await new Promise((resolve, reject) => {
    let text = '';
    bus.once('error', reject);
    bus.once('exit', () => reject(new Error('dbus-daemon exited before giving its address')));
    bus.stdout.on('data', (chunk) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.split('\n')[0].trim());
    });
  });
  env.DBUS_SESSION_BUS_ADDRESS = address;

  const stopBus = () => stop(bus);
  try {
    const keyring = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
      env,
      // Its forked daemon keeps what it inherits: no pipe of ours but stdin, which it closes.
      stdio: ['pipe', 'ignore', log],
    });
    const started = new Promise((resolve, reject) => {
      keyring.once('error', reject);
      keyring.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`gnome-keyring-daemon --unlock exited ${code}`)),
      );
    });
    keyring.stdin.end(`${randomBytes(24).toString('base64')}\n`);
    await started;
    // The daemon takes its bus name just after --unlock returns; a test asking sooner would make
    // D-Bus start a second daemon, with no keyring.
    const onBus = await pollUntil(async () => {
      const reply = await dbusCall(
        env,
        'org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      );
      return reply?.includes('boolean true') ?? false;
    }, 10_000);
    if (!onBus) throw new Error('gnome-keyring-daemon did not appear on the session bus');
    const reply = await dbusCall(
      env,
      'org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.GetConnectionUnixProcessID',
      'string:org.freedesktop.secrets',
    );
    const daemon = Number(/uint32 (\d+)/.exec(reply ?? '')?.[1]) || null;
    return {
      env: { DBUS_SESSION_BUS_ADDRESS: address },
      async stop() {
        if (daemon) {
          try {
            process.kill(daemon, 'SIGTERM');
          } catch {
            // Already gone with its bus.
          }
        }
        await stopBus();
      },
    };
  } catch (error) {
    await stopBus();
    throw error;
  }
}

/** cupsd's two configuration files for a scheduler in `dir` on 127.0.0.1:`port`. */
export function cupsConfig(dir, port) {
  return {
    'cupsd.conf': [
      `Listen 127.0.0.1:${port}`,
      `Listen ${path.join(dir, 'cups.sock')}`,
      'LogLevel warn',
      'Browsing No',
      'WebInterface No',
      '<Location />',
      '  Order allow,deny',
      '  Allow from 127.0.0.1',
      '</Location>',
      '<Policy default>',
      '  JobPrivateAccess default',
      '  JobPrivateValues default',
      '  SubscriptionPrivateAccess default',
      '  SubscriptionPrivateValues default',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
    'cups-files.conf': [
      `ServerRoot ${dir}`,
      `RequestRoot ${path.join(dir, 'spool')}`,
      `TempDir ${path.join(dir, 'spool', 'tmp')}`,
      `CacheDir ${path.join(dir, 'cache')}`,
      `StateDir ${path.join(dir, 'state')}`,
      `AccessLog ${path.join(dir, 'log', 'access_log')}`,
      `ErrorLog ${path.join(dir, 'log', 'error_log')}`,
      `PageLog ${path.join(dir, 'log', 'page_log')}`,
      'SystemGroup root',
      '',
    ].join('\n'),
  };
}

/**
 * A cupsd of its own on a free port, in the foreground so it stops with us. Only root can run
 * the cups-pdf backend, so only root gets one; others use the CUPS they have (null here). Its
 * filters run as lp: `dir` and the folders above it must let others in.
 */
export async function startCups(dir, log) {
  const cupsd = '/usr/sbin/cupsd';
  if (process.getuid?.() !== 0 || !fs.existsSync(cupsd)) return null;
  for (const sub of ['spool/tmp', 'cache', 'state', 'log', 'ppd']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  }
  // cupsd runs its filters as lp: they must reach the folder and write their temporary files.
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'spool'), 0o755);
  fs.chmodSync(path.join(dir, 'spool', 'tmp'), 0o1777);
  const port = await freePort();
  for (const [name, text] of Object.entries(cupsConfig(dir, port))) {
    fs.writeFileSync(path.join(dir, name), text);
  }
  const server = `127.0.0.1:${port}`;
  const scheduler = spawn(
    cupsd,
    ['-f', '-c', path.join(dir, 'cupsd.conf'), '-s', path.join(dir, 'cups-files.conf')],
    { stdio: ['ignore', log, log] },
  );
  const env = { ...process.env, CUPS_SERVER: server };
  const running = await pollUntil(
    async () => (await output('lpstat', ['-r'], env))?.includes('is running') ?? false,
    15_000,
  );
  if (!running) {
    await stop(scheduler);
    const errors = path.join(dir, 'log', 'error_log');
    const tail = fs.existsSync(errors) ? fs.readFileSync(errors, 'utf8').slice(-2_000) : '';
    throw new Error(`cupsd did not start on ${server}:\n${tail}`);
  }
  return { env: { CUPS_SERVER: server }, stop: () => stop(scheduler) };
}

/**
 * A throwaway PostgreSQL cluster for the warehouse tests (pg-cluster.mjs). Its URL goes to the
 * tests as PACKDESK_TEST_PG; each test makes a database of its own on it. Null where Debian's
 * server is not installed: the warehouse tests then start nothing and fail, saying so.
 */
export async function startPostgres(dir, log) {
  if (!postgresBin()) return null;
  const cluster = await startCluster(dir, { log });
  return { env: { PACKDESK_TEST_PG: cluster.url }, stop: async () => cluster.destroy() };
}
