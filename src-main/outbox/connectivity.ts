// Is Sendcloud reachable? Learnt from the calls jobs make, and, while offline, from a light
// probe on the clock, so the queue drains as soon as the connection is back.
import type { AppErrorData } from '../../src-shared';
import type { Clock } from '../clock';
import { createLogger } from '../log';

export interface ConnectivityState {
  online: boolean;
  since: number;
  lastError: AppErrorData | null;
}

export interface ConnectivityOptions {
  clock: Clock;
  /** A cheap read against Sendcloud; rejects when it cannot be reached. */
  probe: () => Promise<void>;
  probeIntervalMs: number;
  onChange: (state: ConnectivityState) => void;
}

const log = createLogger('connectivity');

export function createConnectivity(options: ConnectivityOptions) {
  let state: ConnectivityState = { online: true, since: options.clock.now(), lastError: null };
  let probing: AbortController | null = null;

  const set = (online: boolean, lastError: AppErrorData | null) => {
    if (state.online === online) {
      state = { ...state, lastError };
      return;
    }
    state = { online, since: options.clock.now(), lastError };
    log.info(online ? 'Sendcloud reachable again' : 'Sendcloud unreachable', {});
    options.onChange(state);
    if (!online) void probeUntilOnline();
  };

  async function probeUntilOnline(): Promise<void> {
    if (probing) return;
    const controller = new AbortController();
    probing = controller;
    try {
      while (!state.online && !controller.signal.aborted) {
        await options.clock.sleep(options.probeIntervalMs, controller.signal);
        try {
          await options.probe();
          set(true, null);
        } catch {
          // Still offline; the next probe tries again.
        }
      }
    } catch {
      // Aborted: the station is closing.
    } finally {
      if (probing === controller) probing = null;
    }
  }

  return {
    current: (): ConnectivityState => state,
    /** A call reached Sendcloud (whatever it answered). */
    reached(): void {
      set(true, null);
    },
    /** A call could not reach Sendcloud. */
    unreachable(error: AppErrorData): void {
      set(false, error);
    },
    stop(): void {
      probing?.abort();
    },
  };
}

export type Connectivity = ReturnType<typeof createConnectivity>;
