// Who works at the station now. A badge scan signs in (a second badge switches), or a name and
// its PIN; five wrong PINs in a row lock PIN sign-in for a minute; the station locks itself after
// the idle minutes set (counted from the last scan, key or click). A station with no packers set
// up needs nobody signed in and everyone may do everything, as before packers existed.
//
// Who is signed in is kept in memory only: a restart signs everyone out. A PIN lockout is kept in
// the settings, so restarting the app does not end it early.
import { msg, type SessionView } from '../../src-shared';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { Actor } from '../station/actor';
import type { StationIdentity } from '../station/identity';
import type { Db } from '../store/db';
import {
  countPackers,
  findPacker,
  findPackerByBadge,
  isBadgeTaken,
  listPackers,
  type PackerRecord,
} from '../store/packers';
import { readSetting, writeSetting } from '../store/settings';
import { verifyPin } from './pin';

export const PIN_TRIES = 5;
export const PIN_LOCK_MS = 60_000;
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
const IDLE_SETTING = 'session.idleLockMinutes';
// Kept so a restart does not reopen PIN guessing before the minute is over.
const PIN_LOCK_SETTING = 'session.pinLockedUntil';

export interface SessionsDeps {
  db: Db;
  clock: Clock;
  identity: StationIdentity;
  /** Who is signed in changed (a sign-in, a switch, a lock, a change of packers): push it. */
  onChange: (view: SessionView) => void;
}

/** Who does a thing: the name travels with the id so a scan can show it. */
export interface SignedIn {
  id: string;
  name: string;
}

const log = createLogger('packers');

export function createSessions(deps: SessionsDeps) {
  const { db, clock } = deps;
  let packers = countPackers(db);
  let current: PackerRecord | null = null;
  let lastActivity = clock.now();
  let wrongPins = 0;
  let pinLockedUntil: number | null = Number(readSetting(db, PIN_LOCK_SETTING) ?? '') || null;
  let idleMinutes = readIdleMinutes();
  let idleTimer: AbortController | null = null;
  // PIN tries run one after the other, so tries sent at once are all counted before the lockout.
  let pinTries: Promise<unknown> = Promise.resolve();

  function readIdleMinutes(): number {
    const stored = readSetting(db, IDLE_SETTING);
    const minutes = stored === null ? NaN : Number(stored);
    return Number.isInteger(minutes) && minutes >= 0 ? minutes : DEFAULT_IDLE_LOCK_MINUTES;
  }

  const required = (): boolean => packers > 0;

  /** The idle lock, checked on every look as well as by the timer (a timer may wake late). */
  function idleExpired(): boolean {
    return (
      current !== null && idleMinutes > 0 && clock.now() - lastActivity >= idleMinutes * 60_000
    );
  }

  /** Lock now if the idle time has run out (a timer may wake late), and say so. */
  function checkIdle(): void {
    if (!idleExpired()) return;
    lockFor('idle');
    deps.onChange(snapshot());
  }

  function view(): SessionView {
    checkIdle();
    return snapshot();
  }

  function snapshot(): SessionView {
    const now = clock.now();
    return {
      required: required(),
      packer: current ? { id: current.id, name: current.name, role: current.role } : null,
      stationName: deps.identity.name,
      idleLockMinutes: idleMinutes,
      packers: required() ? listPackers(db).map(({ id, name }) => ({ id, name })) : [],
      pinLockedUntil:
        pinLockedUntil !== null && pinLockedUntil > now
          ? new Date(pinLockedUntil).toISOString()
          : null,
    };
  }

  const changed = (): SessionView => {
    const next = snapshot();
    deps.onChange(next);
    return next;
  };

  function stopIdleTimer(): void {
    idleTimer?.abort();
    idleTimer = null;
  }

  /** Sleep until the idle deadline; activity meanwhile moves it, so look again on waking. */
  function startIdleTimer(): void {
    stopIdleTimer();
    if (current === null || idleMinutes === 0) return;
    const controller = new AbortController();
    idleTimer = controller;
    void (async () => {
      while (!controller.signal.aborted && current !== null) {
        const due = lastActivity + idleMinutes * 60_000;
        if (clock.now() >= due) {
          checkIdle();
          return;
        }
        try {
          await clock.sleep(due - clock.now(), controller.signal);
        } catch {
          return;
        }
      }
    })();
  }

  function lockFor(why: 'idle' | 'asked' | 'removed'): void {
    if (current === null) return;
    log.info('station locked', { why, packerId: current.id });
    current = null;
    stopIdleTimer();
  }

  function signInAs(packer: PackerRecord, how: 'badge' | 'pin'): SessionView {
    const switched = current !== null && current.id !== packer.id;
    current = packer;
    lastActivity = clock.now();
    log.info(switched ? 'packer switched' : 'packer signed in', { how, packerId: packer.id });
    startIdleTimer();
    return changed();
  }

  async function tryPin(packerId: string, pin: string): Promise<SessionView> {
    const now = clock.now();
    if (pinLockedUntil !== null && pinLockedUntil > now) {
      throw new AppError('pin-locked', msg('packers.pin.locked'), {
        log: 'PIN sign-in locked after wrong PINs',
      });
    }
    const packer = findPacker(db, packerId);
    const right = packer !== null && (await verifyPin(pin, packer.pinHash));
    if (packer && right) {
      wrongPins = 0;
      pinLockedUntil = null;
      return signInAs(packer, 'pin');
    }
    wrongPins += 1;
    log.warn('wrong PIN', { packerId, tries: wrongPins });
    if (wrongPins >= PIN_TRIES) {
      wrongPins = 0;
      pinLockedUntil = clock.now() + PIN_LOCK_MS;
      writeSetting(db, PIN_LOCK_SETTING, String(pinLockedUntil));
      deps.onChange(snapshot());
      throw new AppError('pin-locked', msg('packers.pin.locked'), {
        log: `PIN sign-in locked for a minute after ${PIN_TRIES} wrong PINs`,
      });
    }
    throw new AppError(
      'pin-refused',
      msg('packers.pin.refused', { count: PIN_TRIES - wrongPins }),
      {
        log: 'wrong PIN',
      },
    );
  }

  return {
    view,
    required,

    /** Who acts now. With packers set up and nobody signed in, only what a packer may. */
    actor(): Actor {
      checkIdle();
      const stationId = deps.identity.id;
      if (!required()) return { packerId: null, role: null, stationId };
      return { packerId: current?.id ?? null, role: current?.role ?? 'packer', stationId };
    },

    signedIn(): SignedIn | null {
      return current ? { id: current.id, name: current.name } : null;
    },

    /**
     * A scanned code that is a packer's badge signs them in (switching from whoever was); the
     * answer is who. Null for any other code. A removed packer's badge is refused, not taken for
     * an order.
     */
    badge(code: string): SignedIn | null {
      if (!required()) return null;
      const packer = findPackerByBadge(db, code);
      if (packer) {
        signInAs(packer, 'badge');
        return { id: packer.id, name: packer.name };
      }
      if (isBadgeTaken(db, code)) {
        throw new AppError('sign-in-required', msg('packers.badge.removed'), {
          log: 'a removed packer’s badge was scanned',
        });
      }
      return null;
    },

    /** Who scans now; the idle lock counts from now. Refuses a scan when nobody is signed in. */
    scanner(): SignedIn | null {
      if (!required()) return null;
      checkIdle();
      if (current === null) {
        throw new AppError('sign-in-required', msg('packers.signInFirst'), {
          log: 'scan refused: nobody signed in',
        });
      }
      lastActivity = clock.now();
      return { id: current.id, name: current.name };
    },

    signInWithPin(packerId: string, pin: string): Promise<SessionView> {
      const attempt = pinTries.then(() => tryPin(packerId, pin));
      pinTries = attempt.catch(() => undefined);
      return attempt;
    },

    lock(): SessionView {
      lockFor('asked');
      return changed();
    },

    /** A key or a click: the idle lock counts from now. */
    activity(): SessionView {
      checkIdle();
      if (current !== null) lastActivity = clock.now();
      return snapshot();
    },

    setIdleLockMinutes(minutes: number): SessionView {
      idleMinutes = minutes;
      writeSetting(db, IDLE_SETTING, String(minutes));
      startIdleTimer();
      return changed();
    },

    /**
     * Packers were added, changed or removed: a removed packer is signed out, a role refreshed.
     * The first packer set up (a supervisor) is the one at the keyboard: they are signed in.
     */
    packersChanged(added?: string): SessionView {
      const before = packers;
      packers = countPackers(db);
      const first = before === 0 && added !== undefined ? findPacker(db, added) : null;
      if (first) return signInAs(first, 'pin');
      if (current) {
        const now = findPacker(db, current.id);
        if (now) current = now;
        else lockFor('removed');
      }
      return changed();
    },

    stop(): void {
      stopIdleTimer();
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
