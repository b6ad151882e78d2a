// The station's one bus. Modules report what changed as they are built (accounts, printers, the
// connection, jobs); the reactions to it are wired once everything exists, so no module needs
// another before it is built. Transports hear only the contract's events.
import type { EventMap, EventName } from '../../src-shared';
import type { ConnectivityState } from '../outbox/connectivity';
import type { Job } from '../store/jobs';

export type EventListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/** What modules tell each other and never crosses the contract. */
export interface StationSignals {
  /** Any change of an outbox job, in the tick it happened. */
  'job.changed': Job;
  /** A printer became ready (set up, fixed or back). */
  'printer.ready': string;
  /** An order sync ran (well or not): the status shows the cache and any sync error. */
  'orders.synced': undefined;
  /** Sendcloud turned reachable or unreachable. */
  'sendcloud.reachability': ConnectivityState;
}

type Topics = EventMap & StationSignals;
type Topic = keyof Topics;

export function createEventBus() {
  const listeners = new Set<EventListener>();
  // Each topic's reactions take that topic's payload; `on` is what keeps them matched.
  const reactions = new Map<Topic, Set<(payload: unknown) => void>>();

  function react(topic: Topic, payload: unknown): void {
    for (const reaction of reactions.get(topic) ?? []) reaction(payload);
  }

  return {
    /** Push a contract event to every transport, then to the station's own reactions. */
    emit<E extends EventName>(event: E, payload: EventMap[E]): void {
      for (const listener of listeners) listener(event, payload);
      react(event, payload);
    },
    /** Tell the station's modules something that stays inside main. */
    signal<S extends keyof StationSignals>(signal: S, payload: StationSignals[S]): void {
      react(signal, payload);
    },
    /** A reaction of the station to an event or a signal, wired by the composition root. */
    on<T extends Topic>(topic: T, reaction: (payload: Topics[T]) => void): void {
      const set = reactions.get(topic) ?? new Set();
      set.add(reaction as (payload: unknown) => void);
      reactions.set(topic, set);
    },
    /** A transport listens to every contract event; returns the unsubscribe function. */
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The station is closing: transports hear nothing more; its own reactions run to the end. */
    unsubscribeAll(): void {
      listeners.clear();
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
