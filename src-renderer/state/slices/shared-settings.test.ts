import { describe, expect, it } from 'vitest';
import type { PackerView, RoutingSetup } from '../../../src-shared';
import { fakeApi, settle } from '../../../test/helpers/station-store';
import { createStationStore } from '../station';

const pat: PackerView = { id: 'p1', name: 'Pat', role: 'packer', badge: 'PDB-1', createdAt: '' };
const setup = (optionCode: string): RoutingSetup => ({
  rules: {
    rules: [
      {
        id: 'nl',
        name: 'NL',
        countries: ['NL'],
        outsideEu: false,
        weightOverKg: null,
        weightUpToKg: null,
        longestSideOverCm: null,
        servicePoint: 'any',
        merchantId: null,
        tags: [],
        optionCode,
      },
    ],
    defaultOptionCode: null,
  },
  accounts: [],
  options: [],
});

describe('station store: settings another station changed', () => {
  it('reads the open screen’s packers and rules again, and leaves closed screens alone', async () => {
    let packers: PackerView[] = [];
    let option = 'postnl:standard';
    const { api, emit, calls } = fakeApi({
      'packers.list': async () => ({ ok: true, value: packers }),
      'routing.rules': async () => ({ ok: true, value: setup(option) }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    await settle();

    // Not on the Packers screen: nothing is read.
    emit('settings.shared', { areas: ['packers'] });
    await settle();
    expect(calls.filter((c) => c.name === 'packers.list')).toHaveLength(0);

    store.getState().showScreen('packers');
    await settle();
    expect(store.getState().packers).toEqual([]);
    packers = [pat];
    emit('settings.shared', { areas: ['packers'] });
    await settle();
    expect(store.getState().packers).toEqual([pat]);

    store.getState().showScreen('rules');
    await store.getState().loadRouting();
    option = 'dhl:parcel';
    emit('settings.shared', { areas: ['routing'] });
    await settle();
    expect(store.getState().routing?.rules.rules[0]?.optionCode).toBe('dhl:parcel');
  });
});
