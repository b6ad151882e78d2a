import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkRole } from './role-guard';

const station = 'station-1';
const codeOf = (run: () => void): string => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return error instanceof AppError ? error.code : 'thrown';
  }
};

describe('the role guard', () => {
  it('lets everyone do everything at a station with no packers', () => {
    const nobody = { packerId: null, role: null, stationId: station };
    expect(codeOf(() => checkRole('packers.add', nobody))).toBe('allowed');
    expect(codeOf(() => checkRole('printers.remove', nobody))).toBe('allowed');
  });

  it('keeps settings, printers, accounts and packers for supervisors', () => {
    const packer = { packerId: 'p', role: 'packer' as const, stationId: station };
    const supervisor = { packerId: 's', role: 'supervisor' as const, stationId: station };
    for (const name of [
      'packers.add',
      'printers.route',
      'accounts.add',
      'session.settings',
    ] as const) {
      expect(codeOf(() => checkRole(name, packer))).toBe('forbidden');
      expect(codeOf(() => checkRole(name, supervisor))).toBe('allowed');
    }
    expect(codeOf(() => checkRole('shipments.reprint', packer))).toBe('allowed');
    expect(codeOf(() => checkRole('printers.list', packer))).toBe('allowed');
    // The queue panel reads the outbox settings with nothing to change; a change is a supervisor's.
    expect(codeOf(() => checkRole('outbox.settings', packer, {}))).toBe('allowed');
    expect(codeOf(() => checkRole('outbox.settings', packer, { drainMode: 'hold' }))).toBe(
      'forbidden',
    );
  });

  it('refuses work on labels with nobody signed in', () => {
    const locked = { packerId: null, role: 'packer' as const, stationId: station };
    expect(codeOf(() => checkRole('shipments.void', locked))).toBe('sign-in-required');
    expect(codeOf(() => checkRole('packers.list', locked))).toBe('sign-in-required');
    expect(codeOf(() => checkRole('station.status', locked))).toBe('allowed');
  });
});
