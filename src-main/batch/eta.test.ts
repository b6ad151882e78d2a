import { describe, expect, it } from 'vitest';
import { batchEtaMs, writeScheduleMs, type EtaInput } from './eta';

describe('writeScheduleMs: when the n-th write can go, on Sendcloud’s budget', () => {
  it('lets 15 go in the first second, then 15 a second', () => {
    expect(writeScheduleMs(0)).toBe(0);
    expect(writeScheduleMs(1)).toBe(0);
    expect(writeScheduleMs(15)).toBe(0);
    expect(writeScheduleMs(16)).toBe(1_000);
    expect(writeScheduleMs(30)).toBe(1_000);
    expect(writeScheduleMs(31)).toBe(2_000);
  });

  it('lets 100 go in a minute, and the 101st a minute after the first', () => {
    expect(writeScheduleMs(100)).toBe(6_000);
    expect(writeScheduleMs(101)).toBe(60_000);
    expect(writeScheduleMs(116)).toBe(61_000);
    expect(writeScheduleMs(201)).toBe(120_000);
  });
});

const none: EtaInput = {
  toAsk: 0,
  toFetch: 0,
  toPrint: 0,
  labelWaitMs: 0,
  labelsWaited: 0,
  printMs: 0,
  chunksPrinted: 0,
  labelsPrinted: 0,
};

describe('batchEtaMs', () => {
  it('is null when nothing is left to fetch or print', () => {
    expect(batchEtaMs(none)).toBeNull();
    expect(batchEtaMs({ ...none, labelWaitMs: 5_000, labelsWaited: 3 })).toBeNull();
  });

  it('guesses a label wait and a printer’s pace before the batch learnt them', () => {
    // 40 orders: two requests in the first second, Sendcloud's 3 s, a label a second.
    expect(batchEtaMs({ ...none, toAsk: 40, toFetch: 40, toPrint: 40 })).toBe(3_000 + 40_000);
  });

  it('learns the wait for labels and the printing pace from the batch so far', () => {
    const learnt = { labelWaitMs: 10_000, labelsWaited: 5, printMs: 500, chunksPrinted: 1 };
    expect(
      batchEtaMs({ ...none, ...learnt, labelsPrinted: 10, toAsk: 20, toFetch: 20, toPrint: 20 }),
    ).toBe(2_000 + 20 * 50);
    // Only printing left: no wait for labels.
    expect(batchEtaMs({ ...none, ...learnt, labelsPrinted: 10, toPrint: 10 })).toBe(500);
  });

  it('counts the write budget for the requests still to ask', () => {
    // 2,020 orders: 101 requests, the last a minute after the first.
    const input = { ...none, toAsk: 2_020, toFetch: 2_020, toPrint: 0 };
    expect(batchEtaMs(input)).toBe(60_000 + 3_000);
    expect(batchEtaMs({ ...input, toAsk: 2_000 })).toBe(6_000 + 3_000);
  });
});
