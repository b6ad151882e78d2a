// A real Secret Service (GNOME Keyring) for the keychain tests. The suite shares one unlocked
// session (`npm test` starts it, scripts/test-services.mjs); states that would disturb it (locked, frozen, none running) run in a
// child process under its own dbus-run-session, with its own keyring folder. D-Bus is spoken
// through dbus-send (dbus-x11 brings it), so no D-Bus library is needed in node_modules.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKeytarStore, type AccountKeys } from '../../src-main/accounts/keychain';

/** How a developer gets what these tests need: `npm test` starts a throwaway, unlocked keyring. */
export const keyringSessionCommand = 'npm test -- test/integration/keychain.test.ts';

const secrets = 'org.freedesktop.secrets';
const servicePath = '/org/freedesktop/secrets';

interface Sent {
  ok: boolean;
  out: string;
  err: string;
}

function dbusSend(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Sent> {
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      ['--session', '--print-reply', ...args],
      { env, timeout: 5_000 },
      (error, stdout, stderr) => {
        resolve({ ok: !error, out: stdout, err: stderr || (error?.message ?? '') });
      },
    );
  });
}

async function mustSend(args: readonly string[]): Promise<string> {
  const sent = await dbusSend(args);
  if (!sent.ok) throw new Error(`dbus-send ${args.join(' ')} failed: ${sent.err.trim()}`);
  return sent.out;
}

const strings = (out: string) => [...out.matchAll(/string "([^"]*)"/g)].map((m) => m[1] ?? '');
const objectPaths = (out: string) =>
  [...out.matchAll(/object path "([^"]*)"/g)].map((m) => m[1] ?? '');

async function secretServiceOnBus(): Promise<boolean> {
  const sent = await dbusSend([
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    `string:${secrets}`,
  ]);
  return sent.ok && /boolean true/.test(sent.out);
}

/** Why the keychain tests cannot run in this session, or null when they can. */
export async function keyringProblem(): Promise<string | null> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    return 'there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)';
  }
  // Asked by name first: a plain call would make D-Bus start a keyring daemon with no keyring.
  if (!(await secretServiceOnBus())) {
    return 'no Secret Service (gnome-keyring-daemon) is running on the session bus';
  }
  const locked = await dbusSend([
    `--dest=${secrets}`,
    `${servicePath}/aliases/default`,
    'org.freedesktop.DBus.Properties.Get',
    'string:org.freedesktop.Secret.Collection',
    'string:Locked',
  ]);
  if (!locked.ok)
    return 'the Secret Service has no default keyring (it was not started with --unlock)';
  if (/boolean true/.test(locked.out)) {
    return 'its default keyring is locked (an existing keyring with another password than the one piped to --unlock?)';
  }
  return null;
}

/** True when this process's session bus has an unlocked Secret Service. */
export async function keyringAvailable(): Promise<boolean> {
  return (await keyringProblem()) === null;
}

/** Fail, never skip, when the keychain tests have no real keyring, and say how to get one. */
export async function requireKeyring(): Promise<void> {
  const problem = await keyringProblem();
  if (problem) {
    throw new Error(
      `The keychain tests need a real, unlocked Secret Service, but ${problem}. Run them inside a throwaway one:\n  ${keyringSessionCommand}`,
    );
  }
}

/** A service name no other test uses, so parallel tests never see each other's entries. */
export function uniqueService(): string {
  return `Packdesk test ${randomUUID()}`;
}

export interface KeyringItem {
  label: string;
  attributes: Record<string, string>;
}

/**
 * Every item of the default keyring, its label and lookup attributes (readable even when it is
 * locked). Items another test deletes meanwhile are left out.
 */
export async function keyringItems(): Promise<KeyringItem[]> {
  const property = (object: string, iface: string, name: string) =>
    dbusSend([
      `--dest=${secrets}`,
      object,
      'org.freedesktop.DBus.Properties.Get',
      `string:${iface}`,
      `string:${name}`,
    ]);
  const listed = await property(
    `${servicePath}/aliases/default`,
    'org.freedesktop.Secret.Collection',
    'Items',
  );
  if (!listed.ok) throw new Error(`Cannot list the default keyring: ${listed.err.trim()}`);
  const items: KeyringItem[] = [];
  for (const item of objectPaths(listed.out)) {
    const [attributes, label] = await Promise.all([
      property(item, 'org.freedesktop.Secret.Item', 'Attributes'),
      property(item, 'org.freedesktop.Secret.Item', 'Label'),
    ]);
    if (!attributes.ok || !label.ok) continue;
    const words = strings(attributes.out);
    const pairs: Record<string, string> = {};
    for (let i = 0; i + 1 < words.length; i += 2) pairs[words[i] ?? ''] = words[i + 1] ?? '';
    items.push({ label: strings(label.out)[0] ?? '', attributes: pairs });
  }
  return items;
}

/** Lock the default keyring through the Secret Service's own Lock method, as a screen lock does. */
export async function lockKeyring(): Promise<void> {
  const alias = await mustSend([
    `--dest=${secrets}`,
    servicePath,
    'org.freedesktop.Secret.Service.ReadAlias',
    'string:default',
  ]);
  const collection = objectPaths(alias)[0];
  if (!collection || collection === '/')
    throw new Error('The Secret Service has no default keyring');
  await mustSend([
    `--dest=${secrets}`,
    servicePath,
    'org.freedesktop.Secret.Service.Lock',
    `array:objpath:${collection}`,
  ]);
}

async function keyringDaemonPid(): Promise<number> {
  const out = await mustSend([
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.GetConnectionUnixProcessID',
    `string:${secrets}`,
  ]);
  const pid = Number(/uint32 (\d+)/.exec(out)?.[1]);
  if (!pid) throw new Error(`No process id for ${secrets}: ${out}`);
  return pid;
}

// ---------------------------------------------------------------------------------------------
// A keyring in a session of its own

/**
 * `secret-service`: gnome-keyring-daemon unlocked with a test password (the keyring persists in
 * the folder, so a second session finds what the first left). `not-started`: nothing started;
 * D-Bus starts the daemon on the first call and it has no keyring. `no-secret-service`: a bus
 * that can start nothing. `no-bus`: no session bus at all.
 */
export type SessionKind = 'secret-service' | 'not-started' | 'no-secret-service' | 'no-bus';

export type SessionStep =
  | { op: 'read'; account: string }
  | { op: 'write'; account: string; keys: AccountKeys }
  | { op: 'remove'; account: string }
  | { op: 'check' }
  /** Lock the default keyring (the Secret Service's Lock method). */
  | { op: 'lock' }
  /** Stop the keyring daemon (SIGSTOP): calls hang as they do behind an unanswered prompt. */
  | { op: 'freeze' }
  | { op: 'thaw' }
  /** check() until it says usable: keytar gives no event when a stuck call finally returns. */
  | { op: 'check-until-usable'; withinMs: number }
  | { op: 'items' };

export type StepOutcome =
  | { ok: true; value: unknown; ms: number }
  | { ok: false; code: string | null; message: string; ms: number };

export interface SessionPlan {
  kind: SessionKind;
  /** Omitted: the store's default (PACKDESK_KEYCHAIN_SERVICE, set from `envService`). */
  service?: string;
  envService?: string;
  timeoutMs?: number;
  steps: SessionStep[];
}

const resultMarker = 'PACKDESK-KEYRING-RESULT ';
const daemonMarker = 'PACKDESK-KEYRING-DAEMON ';
const testPassword = 'packdesk-test-keyring';

/** A keyring folder for `runInOwnSession`, removed by the returned cleanup. */
export function keyringFolder(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'packdesk-keyring-'));
  fs.mkdirSync(path.join(dir, 'run'), { mode: 0o700 });
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// The stock session bus policy without its service directories: nothing can be started on demand.
const busWithoutServices = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

/**
 * Run the steps against createKeytarStore in a child process with a session of its own, its
 * keyring in `folder`; no display, so no unlock prompt can appear. Resolves one outcome per step.
 */
export async function runInOwnSession(
  folder: string,
  plan: SessionPlan,
  deadlineMs = 20_000,
): Promise<StepOutcome[]> {
  const node = [
    process.execPath,
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    `await (await import(${JSON.stringify(import.meta.url)})).childMain();`,
  ];
  let command: string[];
  switch (plan.kind) {
    case 'secret-service':
      command = [
        'dbus-run-session',
        '--',
        'sh',
        '-c',
        'printf "%s\\n" "$0" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"',
        testPassword,
        ...node,
      ];
      break;
    case 'not-started':
      command = ['dbus-run-session', '--', ...node];
      break;
    case 'no-secret-service': {
      const config = path.join(folder, 'bus-without-services.conf');
      fs.writeFileSync(config, busWithoutServices);
      command = ['dbus-run-session', `--config-file=${config}`, '--', ...node];
      break;
    }
    case 'no-bus':
      command = node;
      break;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: folder,
    XDG_RUNTIME_DIR: path.join(folder, 'run'),
    PACKDESK_KEYRING_PLAN: JSON.stringify(plan),
  };
  // No display: libsecret would show an unlock prompt there and wait for it.
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.PACKDESK_KEYCHAIN_SERVICE;
  if (plan.envService) env.PACKDESK_KEYCHAIN_SERVICE = plan.envService;

  const [program, ...args] = command;
  if (!program) throw new Error('No command');
  // From the repository, where `--import tsx` resolves.
  const cwd = fileURLToPath(new URL('../../', import.meta.url));
  const child = spawn(program, args, { env, cwd, detached: true, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const frozenDaemon = () => Number(stdout.split(daemonMarker)[1]?.split('\n')[0]) || null;
  let timer: NodeJS.Timeout | undefined;
  const exit = await new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      // A daemon left stopped would outlive the session: let it run on and see its bus gone.
      const daemon = frozenDaemon();
      if (daemon) process.kill(daemon, 'SIGCONT');
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      resolve(`no end within ${deadlineMs} ms`);
    }, deadlineMs);
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code, signal) => resolve(`exit ${code ?? signal}`));
  });
  clearTimeout(timer);
  const line = stdout.split('\n').find((l) => l.startsWith(resultMarker));
  if (!line) {
    throw new Error(
      `The ${plan.kind} session gave no result (${exit}):\n${stdout}\n${stderr.split('\n').slice(-15).join('\n')}`,
    );
  }
  return JSON.parse(line.slice(resultMarker.length)) as StepOutcome[];
}

/** The child's side of runInOwnSession: run the plan, print the outcomes on one line. */
export async function childMain(): Promise<void> {
  const plan = JSON.parse(process.env.PACKDESK_KEYRING_PLAN ?? '{}') as SessionPlan;
  if (plan.kind === 'secret-service') {
    // gnome-keyring-daemon --unlock returns before the daemon has taken its name on the bus.
    const deadline = Date.now() + 5_000;
    while (!(await secretServiceOnBus())) {
      if (Date.now() > deadline) throw new Error('gnome-keyring-daemon never appeared on the bus');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const store = createKeytarStore({
    ...(plan.service ? { service: plan.service } : {}),
    ...(plan.timeoutMs ? { timeoutMs: plan.timeoutMs } : {}),
  });
  let frozen: number | null = null;
  const run = async (step: SessionStep): Promise<unknown> => {
    switch (step.op) {
      case 'read':
        return store.read(step.account);
      case 'write':
        return store.write(step.account, step.keys);
      case 'remove':
        return store.remove(step.account);
      case 'check':
        return store.check();
      case 'lock':
        return lockKeyring();
      case 'freeze':
        frozen = await keyringDaemonPid();
        process.stdout.write(`${daemonMarker}${frozen}\n`);
        process.kill(frozen, 'SIGSTOP');
        return null;
      case 'thaw':
        if (frozen) process.kill(frozen, 'SIGCONT');
        frozen = null;
        return null;
      case 'check-until-usable': {
        const deadline = Date.now() + step.withinMs;
        for (;;) {
          const problem = await store.check();
          if (!problem || Date.now() > deadline) return problem;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      case 'items':
        return keyringItems();
    }
  };
  const outcomes: StepOutcome[] = [];
  try {
    for (const step of plan.steps) {
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      try {
        const value = await run(step);
        outcomes.push({ ok: true, value: value ?? null, ms: ms() });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        outcomes.push({
          ok: false,
          code: typeof code === 'string' ? code : null,
          message: error instanceof Error ? error.message : String(error),
          ms: ms(),
        });
      }
    }
  } finally {
    if (frozen) process.kill(frozen, 'SIGCONT');
  }
  process.stdout.write(`${resultMarker}${JSON.stringify(outcomes)}\n`);
}
