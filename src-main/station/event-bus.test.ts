import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../src-shared';
import { createEventBus } from './event-bus';

describe('the station’s bus', () => {
  it('pushes a contract event to the transports, then to the station’s reactions', () => {
    const bus = createEventBus();
    const heard: string[] = [];
    bus.subscribe((event) => heard.push(`transport ${event}`));
    bus.on('accounts.changed', (list) => heard.push(`reaction ${list.length}`));

    bus.emit('accounts.changed', [{ id: 'a' } as AccountView]);

    expect(heard).toEqual(['transport accounts.changed', 'reaction 1']);
  });

  it('keeps signals inside main: reactions hear them, transports never', () => {
    const bus = createEventBus();
    const transports: string[] = [];
    const ready: string[] = [];
    bus.subscribe((event) => transports.push(event));
    bus.on('printer.ready', (id) => ready.push(id));

    bus.signal('printer.ready', 'zebra-1');

    expect(ready).toEqual(['zebra-1']);
    expect(transports).toEqual([]);
  });

  it('stops a transport that unsubscribes, and all of them once the station closes', () => {
    const bus = createEventBus();
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = bus.subscribe((event) => first.push(event));
    bus.subscribe((event) => second.push(event));
    const reactions: number[] = [];
    bus.on('accounts.changed', (list) => reactions.push(list.length));

    stopFirst();
    bus.emit('accounts.changed', []);
    bus.unsubscribeAll();
    bus.emit('accounts.changed', []);

    expect(first).toEqual([]);
    expect(second).toEqual(['accounts.changed']);
    // The station's own reactions run to the end (a job finishing while it closes).
    expect(reactions).toEqual([0, 0]);
  });
});
