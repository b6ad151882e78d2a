import { describe, expect, it } from 'vitest';
import { commandNames, msg, parseInput } from '../../src-shared';
import { dispatch, type CommandHandlers } from '../../src-main/host/dispatch';
import { AppError } from '../../src-main/errors';

describe('contract input validation', () => {
  it('accepts a clean scan and trims it', () => {
    const result = parseInput('scan.submit', { code: '  PD-10001 ' });
    expect(result).toEqual({ ok: true, value: { code: 'PD-10001' } });
  });

  it.each([
    ['an empty scan', { code: '   ' }, 'error.input.scanEmpty'],
    ['control characters from a misread', { code: 'PD\u0000123' }, 'error.input.scanCharacters'],
    ['an absurdly long scan', { code: 'X'.repeat(101) }, 'error.input.scanTooLong'],
  ])('rejects %s with invalid-input and its own key, naming the field', (_label, input, key) => {
    expect(parseInput('scan.submit', input)).toEqual({
      ok: false,
      error: { code: 'invalid-input', key, params: { field: 'code' } },
    });
  });

  it.each([
    ['a missing code', {}, 'code'],
    ['a number instead of text', { code: 12345 }, 'code'],
    ['an unknown field', { code: 'PD-1', sql: 'drop table' }, 'sql'],
  ])('rejects %s with invalid-input, zod’s words as the detail', (_label, input, fragment) => {
    const result = parseInput('scan.submit', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid-input', key: 'error.invalidInput' });
    expect(String(result.error.params.detail).toLowerCase()).toContain(fragment.toLowerCase());
  });

  it('names the field of a form’s problem: the printer, the account keys', () => {
    const printer = { name: ' ', transport: 'tcp', address: '10.0.0.7', language: 'zpl' };
    expect(parseInput('printers.add', printer)).toEqual({
      ok: false,
      error: { code: 'invalid-input', key: 'error.input.printerName', params: { field: 'name' } },
    });
    expect(parseInput('accounts.verify', { publicKey: 'pk', secretKey: '' })).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        key: 'rules.secretKey.empty',
        params: { field: 'secretKey' },
      },
    });
  });

  it('bounds demo fault rates to 0..1 and statuses to the three offered', () => {
    const ok = {
      latencyMs: 200,
      errorRate: 0.5,
      errorStatus: 503,
      timeoutRate: 0,
      lostResponseRate: 0.1,
    };
    expect(parseInput('demo.setFaults', ok)).toEqual({ ok: true, value: ok });
    expect(parseInput('demo.setFaults', { ...ok, errorRate: 1.5 }).ok).toBe(false);
    expect(parseInput('demo.setFaults', { ...ok, errorStatus: 404 }).ok).toBe(false);
    expect(parseInput('demo.setFaults', { ...ok, latencyMs: -1 }).ok).toBe(false);
  });

  it('fills defaults and bounds numbers', () => {
    expect(parseInput('scan.recent', {})).toEqual({ ok: true, value: { limit: 20 } });
    const tooMany = parseInput('scan.recent', { limit: 1000 });
    expect(tooMany.ok).toBe(false);
  });
});

describe('dispatch', () => {
  const calls: unknown[] = [];
  const handlers = {
    'station.status': async () => {
      throw new Error('boom with secret details');
    },
    'scan.submit': async (input: { code: string }) => {
      calls.push(input);
      if (input.code === 'NOPE')
        throw new AppError('order-not-found', msg('error.orderNotFound', { code: 'NOPE' }));
      return { echoed: input.code };
    },
    'scan.recent': async () => [],
    'scan.next': async () => ({}),
    'scan.setNext': async () => ({}),
    'scan.pointOffers': async () => ({}),
    'scan.choosePoint': async () => ({}),
    'servicePoints.homeDelivery': async () => ({}),
    'servicePoints.setHomeDelivery': async () => ({}),
    'orders.sync': async () => ({}),
    'label.preview': async () => ({}),
    'queue.list': async () => [],
    'queue.retry': async () => ({}),
    'queue.cancel': async () => ({}),
    'queue.printHeld': async () => ({}),
    'outbox.settings': async () => ({}),
    'printers.list': async () => ({}),
    'printers.discover': async () => ({}),
    'printers.add': async () => ({}),
    'printers.update': async () => ({}),
    'printers.remove': async () => ({}),
    'printers.route': async () => ({}),
    'customs.copies': async () => ({}),
    'customs.setCopies': async () => ({}),
    'printers.test': async () => ({}),
    'printers.refresh': async () => ({}),
    'accounts.list': async () => [],
    'accounts.verify': async () => ({}),
    'accounts.add': async () => ({}),
    'accounts.update': async () => ({}),
    'accounts.reconnect': async () => ({}),
    'accounts.remove': async () => [],
    'merchants.list': async () => [],
    'merchants.save': async () => [],
    'merchants.remove': async () => [],
    'billing.export': async () => ({}),
    'demo.faults': async () => ({}),
    'demo.setFaults': async () => ({}),
    'demo.printerFaults': async () => ({}),
    'shipments.list': async () => ({}),
    'shipments.lookUp': async () => [],
    'shipments.details': async () => ({}),
    'shipments.preview': async () => ({}),
    'shipments.reprint': async () => ({}),
    'shipments.void': async () => ({}),
    'returns.create': async () => ({}),
    'returns.print': async () => ({}),
    'returns.list': async () => [],
    'session.current': async () => ({}),
    'session.signIn': async () => ({}),
    'session.lock': async () => ({}),
    'session.activity': async () => ({}),
    'session.settings': async () => ({}),
    'packers.list': async () => [],
    'packers.add': async () => [],
    'packers.update': async () => [],
    'packers.remove': async () => [],
    'packers.badges': async () => ({}),
    'batch.openOrders': async () => ({}),
    'batch.scan': async () => ({}),
    'batch.start': async () => ({}),
    'batch.list': async () => [],
    'batch.details': async () => ({}),
    'batch.pause': async () => ({}),
    'batch.resume': async () => ({}),
    'batch.cancel': async () => ({}),
    'batch.retryOrder': async () => ({}),
    'batch.leaveOut': async () => ({}),
    'batch.reprint': async () => ({}),
    'batch.pdf': async () => ({}),
    'routing.rules': async () => ({}),
    'routing.saveRules': async () => ({}),
    'routing.saveAccount': async () => ({}),
    'routing.test': async () => ({}),
    'day.summary': async () => ({}),
    'day.export': async () => ({}),
    'day.handover': async () => ({}),
    'warehouse.get': async () => ({}),
    'warehouse.join': async () => ({}),
    'warehouse.leave': async () => ({}),
    'warehouse.rename': async () => ({}),
  } as unknown as CommandHandlers;

  it('refuses an unknown command by code', async () => {
    expect(await dispatch(handlers, 'db.exec', {})).toEqual({
      ok: false,
      error: { code: 'unknown-command', ...msg('error.unknownCommand', { command: 'db.exec' }) },
    });
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({
      error: { code: 'unknown-command' },
    });
  });

  it('never calls a handler with invalid input', async () => {
    calls.length = 0;
    const result = await dispatch(handlers, 'scan.submit', { code: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it('passes parsed input and returns the value', async () => {
    expect(await dispatch(handlers, 'scan.submit', { code: ' A-1 ' })).toEqual({
      ok: true,
      value: { echoed: 'A-1' },
    });
  });

  it('turns app errors into their code and hides unexpected ones', async () => {
    expect(await dispatch(handlers, 'scan.submit', { code: 'NOPE' })).toEqual({
      ok: false,
      error: { code: 'order-not-found', ...msg('error.orderNotFound', { code: 'NOPE' }) },
    });
    const hidden = await dispatch(handlers, 'station.status', {});
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret');
  });

  it('covers every command in the contract', () => {
    expect(commandNames.sort()).toEqual(Object.keys(handlers).sort());
  });
});
