import { describe, expect, it } from 'vitest';
import { msg, type SessionView } from '../../../src-shared';
import { entry, fakeApi, settle } from '../../../test/helpers/station-store';
import { createStationStore } from '../station';
import { signInNeeded } from './packers';

const session = (overrides: Partial<SessionView> = {}): SessionView => ({
  required: true,
  packer: null,
  stationName: 'Bench 1',
  idleLockMinutes: 10,
  packers: [{ id: 'p1', name: 'Pat' }],
  pinLockedUntil: null,
  ...overrides,
});

describe('station store: who is signed in', () => {
  it('shows the sign-in only at a station with packers and nobody signed in', () => {
    expect(signInNeeded(null)).toBe(false);
    expect(signInNeeded(session({ required: false }))).toBe(false);
    expect(signInNeeded(session())).toBe(true);
    const pat = { id: 'p1', name: 'Pat', role: 'packer' as const };
    expect(signInNeeded(session({ packer: pat }))).toBe(false);
  });

  it('follows session.changed and keeps a refused PIN to show', async () => {
    const { api, emit } = fakeApi({
      'session.current': async () => ({ ok: true, value: session() }),
      'session.signIn': async () => ({
        ok: false,
        error: { code: 'pin-refused', ...msg('packers.pin.refused', { count: 4 }) },
      }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();
    expect(store.getState().session?.packer).toBeNull();
    expect(await store.getState().signIn('p1', '0000')).toBe(false);
    expect(store.getState().signInError?.code).toBe('pin-refused');
    emit('session.changed', session({ packer: { id: 'p1', name: 'Pat', role: 'packer' } }));
    expect(store.getState().session?.packer?.name).toBe('Pat');
  });

  it('does not list a badge scan among the scans', async () => {
    const badge = entry({ state: 'printed', signIn: true, code: 'PDB-AAAA2222' });
    const { api, calls } = fakeApi({ 'scan.submit': async () => ({ ok: true, value: badge }) });
    const store = createStationStore(api, null);
    await store.getState().submitScan('PDB-AAAA2222');
    expect(store.getState().scans).toEqual([]);
    expect(store.getState().current).toBeNull();
    expect(calls.map((c) => c.name)).toContain('session.current');
  });
});
