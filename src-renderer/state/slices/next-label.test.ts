import { describe, expect, it } from 'vitest';
import { failure, fakeApi } from '../../../test/helpers/station-store';
import { createStationStore } from '../station';

describe('station store: the next label', () => {
  it('loads what is set, follows the pushes, and shows it until a label takes it', async () => {
    const { api, emit } = fakeApi({
      'scan.next': async () => ({ ok: true, value: { boxes: 2, optionCode: null } }),
    });
    const store = createStationStore(api, null);
    store.getState().start();
    await store.getState().loadNextScan();
    expect(store.getState().nextScan).toEqual({ boxes: 2, optionCode: null });

    emit('scan.next', { boxes: 3, optionCode: 'ups:standard' });
    expect(store.getState().nextScan).toEqual({ boxes: 3, optionCode: 'ups:standard' });
    // The label job took it: main says so, and the panel is back to one box.
    emit('scan.next', { boxes: null, optionCode: null });
    expect(store.getState().nextScan).toEqual({ boxes: null, optionCode: null });
  });

  it('sets the boxes from the number field and closes it; a refusal keeps it open with why', async () => {
    let answer: () => Promise<unknown> = async () => ({
      ok: true,
      value: { boxes: 4, optionCode: null, applied: null },
    });
    const { api, calls } = fakeApi({ 'scan.setNext': () => answer() as never });
    const store = createStationStore(api, null);
    store.getState().openBoxesField();
    expect(await store.getState().setNextBoxes(4)).toBe(true);
    expect(calls.at(-1)).toEqual({ name: 'scan.setNext', input: { boxes: 4 } });
    expect(store.getState()).toMatchObject({
      nextScan: { boxes: 4, optionCode: null },
      boxesFieldOpen: false,
      nextScanError: null,
    });

    const refused = failure('invalid-input', 'no');
    answer = async () => ({ ok: false, error: refused });
    store.getState().openBoxesField();
    expect(await store.getState().setNextBoxes(99)).toBe(false);
    expect(store.getState()).toMatchObject({ boxesFieldOpen: true, nextScanError: refused });
    expect(store.getState().nextScan.boxes).toBe(4);
  });

  it('clears boxes and option at once', async () => {
    const { api, calls } = fakeApi({
      'scan.setNext': async () => ({
        ok: true,
        value: { boxes: null, optionCode: null, applied: null },
      }),
    });
    const store = createStationStore(api, null);
    await store.getState().clearNextScan();
    expect(calls.at(-1)).toEqual({
      name: 'scan.setNext',
      input: { boxes: null, optionCode: null },
    });
  });

  it('says where boxes went when main gave them to the waiting order, until the next scan', async () => {
    const applied = { key: 'boxes.applied', params: { order: 'PD-10002', boxes: 2 } };
    const { api } = fakeApi({
      'scan.setNext': async () => ({
        ok: true,
        value: { boxes: null, optionCode: null, applied },
      }),
      'scan.submit': () => new Promise<never>(() => undefined),
    });
    const store = createStationStore(api, null);
    store.getState().openBoxesField();
    expect(await store.getState().setNextBoxes(2)).toBe(true);
    expect(store.getState()).toMatchObject({
      nextScan: { boxes: null, optionCode: null },
      nextScanApplied: applied,
      boxesFieldOpen: false,
    });
    // The nextScan state is only the setting: the word about it is kept beside it.
    expect(store.getState().nextScan).toEqual({ boxes: null, optionCode: null });
    void store.getState().submitScan('PD-10003');
    expect(store.getState().nextScanApplied).toBeNull();
  });
});
