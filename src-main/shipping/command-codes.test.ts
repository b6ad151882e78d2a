import { describe, expect, it } from 'vitest';
import type { NextScan } from '../../src-shared';
import { AppError } from '../errors';
import { createNextScan, parseCommandCode } from './command-codes';

function refusal(code: string): string | undefined {
  try {
    parseCommandCode(code);
  } catch (error) {
    return error instanceof AppError ? error.said.key : 'not an AppError';
  }
  return undefined;
}

describe('command barcodes', () => {
  it('read boxes, an option and clear, in any case, and leave every other code alone', () => {
    expect(parseCommandCode('PD:BOXES:3')).toEqual({ type: 'boxes', boxes: 3 });
    expect(parseCommandCode('pd:boxes:12')).toEqual({ type: 'boxes', boxes: 12 });
    expect(parseCommandCode('PD:OPTION:dhl:parcel/insured=500')).toEqual({
      type: 'option',
      optionCode: 'dhl:parcel/insured=500',
    });
    expect(parseCommandCode('PD:CLEAR')).toEqual({ type: 'clear' });
    expect(parseCommandCode('PD-10001')).toBeNull();
    expect(parseCommandCode('3SABC123')).toBeNull();
  });

  it('refuse a bad number of boxes, a bad option and an unknown verb, each with its reason', () => {
    expect(refusal('PD:BOXES:0')).toBe('scan.command.badBoxes');
    expect(refusal('PD:BOXES:51')).toBe('scan.command.badBoxes');
    expect(refusal('PD:BOXES:two')).toBe('scan.command.badBoxes');
    expect(refusal('PD:OPTION:')).toBe('scan.command.badOption');
    expect(refusal('PD:OPTION:no spaces allowed')).toBe('scan.command.badOption');
    expect(refusal('PD:SHRED')).toBe('scan.command.unknown');
  });

  it('keep what is set for the next label until one label takes it, and say each change', () => {
    const seen: NextScan[] = [];
    const next = createNextScan((value) => seen.push(value));
    next.apply({ type: 'boxes', boxes: 3 });
    next.apply({ type: 'option', optionCode: 'ups:standard' });
    expect(next.current()).toEqual({ boxes: 3, optionCode: 'ups:standard' });
    expect(next.take()).toEqual({ boxes: 3, optionCode: 'ups:standard' });
    expect(next.current()).toEqual({ boxes: null, optionCode: null });
    // Taking nothing changes nothing and says nothing.
    expect(next.take()).toEqual({ boxes: null, optionCode: null });
    expect(seen).toHaveLength(3);
    next.apply({ type: 'boxes', boxes: 2 });
    next.apply({ type: 'boxes', boxes: 1 });
    expect(next.current().boxes).toBeNull();
  });
});
