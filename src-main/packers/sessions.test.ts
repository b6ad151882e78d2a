import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../src-shared';
import { manualClock } from '../../test/helpers/clock';
import type { Db } from '../store/db';
import { migrate } from '../store/migrations';
import { insertPacker, removePacker } from '../store/packers';
import { hashPin } from './pin';
import { createSessions } from './sessions';

const identity = { id: 'station-1', name: 'Bench 1' };

async function setUp() {
  const db = new Database(':memory:') as unknown as Db;
  migrate(db);
  const clock = manualClock();
  const pushed: SessionView[] = [];
  const sessions = createSessions({ db, clock, identity, onChange: (v) => pushed.push(v) });
  const add = async (id: string, role: 'packer' | 'supervisor', pin: string) => {
    insertPacker(db, {
      id,
      name: id.toUpperCase(),
      role,
      badge: `BADGE-${id}`,
      pinHash: await hashPin(pin),
      createdAt: '2026-05-04T08:00:00Z',
    });
    return sessions.packersChanged(id);
  };
  return { db, clock, pushed, sessions, add };
}

describe('sessions', () => {
  it('needs nobody without packers, and then everyone acts with no role', async () => {
    const { sessions } = await setUp();
    expect(sessions.required()).toBe(false);
    expect(sessions.actor()).toEqual({ packerId: null, role: null, stationId: 'station-1' });
    expect(sessions.badge('BADGE-x')).toBeNull();
    expect(sessions.scanner()).toBeNull();
  });

  it('signs the first packer set up in, and acts as a packer while locked', async () => {
    const { sessions, add } = await setUp();
    expect((await add('sam', 'supervisor', '1111')).packer?.id).toBe('sam');
    expect((await add('pat', 'packer', '2222')).packer?.id).toBe('sam');
    expect(sessions.lock().packer).toBeNull();
    expect(sessions.actor()).toEqual({ packerId: null, role: 'packer', stationId: 'station-1' });
    expect(() => sessions.scanner()).toThrow(/nobody signed in/);
  });

  it('switches packer on the next badge and signs out a removed one', async () => {
    const { db, sessions, add, pushed } = await setUp();
    await add('sam', 'supervisor', '1111');
    await add('pat', 'packer', '2222');
    expect(sessions.badge('BADGE-pat')).toEqual({ id: 'pat', name: 'PAT' });
    expect(sessions.actor().role).toBe('packer');
    expect(sessions.badge('BADGE-sam')).toEqual({ id: 'sam', name: 'SAM' });
    expect(sessions.actor()).toEqual({
      packerId: 'sam',
      role: 'supervisor',
      stationId: 'station-1',
    });
    expect(sessions.badge('ORDER-1')).toBeNull();
    removePacker(db, 'sam', '2026-05-04T09:00:00Z');
    sessions.packersChanged();
    expect(sessions.view().packer).toBeNull();
    expect(pushed.at(-1)?.packers).toEqual([{ id: 'pat', name: 'PAT' }]);
    expect(() => sessions.badge('BADGE-sam')).toThrow();
  });

  it('locks when idle, on the timer, and pushes it', async () => {
    const { clock, sessions, add, pushed } = await setUp();
    await add('pat', 'packer', '2222');
    sessions.setIdleLockMinutes(1);
    sessions.badge('BADGE-pat');
    clock.advance(50_000);
    sessions.scanner();
    clock.advance(50_000);
    expect(sessions.view().packer?.id).toBe('pat');
    clock.advance(10_000);
    await vi.waitFor(() => expect(pushed.at(-1)?.packer).toBeNull());
    expect(sessions.view().packer).toBeNull();
  });

  it('keeps a PIN lockout over a restart', async () => {
    const { db, clock, sessions, add } = await setUp();
    await add('pat', 'packer', '2222');
    for (let i = 0; i < 5; i++) await sessions.signInWithPin('pat', '0000').catch(() => undefined);
    const until = sessions.view().pinLockedUntil;
    expect(until).toBe(new Date(clock.now() + 60_000).toISOString());
    const restarted = createSessions({ db, clock, identity, onChange: () => undefined });
    expect(restarted.view().pinLockedUntil).toBe(until);
    await expect(restarted.signInWithPin('pat', '2222')).rejects.toThrow(/locked/);
  });
});
