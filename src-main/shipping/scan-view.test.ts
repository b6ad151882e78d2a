import { afterEach, describe, expect, it } from 'vitest';
import { msg, type AccountView, type Message } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Connectivity } from '../outbox/connectivity';
import { openDatabase, type Db } from '../store/db';
import { insertJob, newJob, type Job, type NewJob } from '../store/jobs';
import { createScanView, heldByAccount, scanEntryOf, scanRecordOf } from './scan-view';

let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function viewWith(
  options: {
    online?: boolean;
    printer?: string | null;
    heldReason?: (job: Job) => Message | null;
  } = {},
) {
  db = openDatabase(':memory:');
  const connectivity = {
    current: () => ({ online: options.online ?? true, since: 0, lastError: null }),
  } as unknown as Connectivity;
  return createScanView({
    db,
    connectivity,
    printerName: () => (options.printer === undefined ? 'Zebra packing 1' : options.printer),
    ...(options.heldReason ? { heldReason: options.heldReason } : {}),
  });
}

const job = (fields: Partial<NewJob> = {}, kind: Job['kind'] = 'create-label'): Job => ({
  ...newJob(kind, fields.id ?? 'job', 0, fields),
  seq: 0,
});

describe('what a scan shows while its job moves', () => {
  it('names the printer while printing', () => {
    expect(viewWith()(job({ state: 'in-flight' }, 'print'))).toMatchObject({
      state: 'working',
      step: msg('scan.step.printing', { printer: 'Zebra packing 1' }),
    });
  });

  it('says "the label printer" when the printer has no name to give', () => {
    const unnamed = viewWith({ printer: null });
    expect(unnamed(job({ state: 'in-flight' }, 'print')).step).toEqual(
      msg('scan.step.printing', { printer: msg('scan.printer.unnamed') }),
    );
  });

  it('says a retry first checks for a label an earlier try made', () => {
    expect(viewWith()(job({ state: 'in-flight', attempts: 2 })).step).toEqual(
      msg('scan.step.checkingEarlierTry'),
    );
  });

  it('queues a label job while Sendcloud is unreachable, and says why', () => {
    expect(viewWith({ online: false })(job())).toEqual({
      state: 'queued',
      step: msg('scan.step.queued'),
      reason: msg('scan.waiting.offline'),
      error: null,
    });
  });

  it('queues a job behind a waiting head of its lane with the head’s reason', () => {
    const view = viewWith();
    const reason = msg('scan.waiting.behindEarlier');
    if (!db) throw new Error('no db');
    insertJob(db, newJob('create-label', 'head', 0, { state: 'waiting', reason }));
    const behind = insertJob(db, newJob('create-label', 'behind', 1));
    expect(view(behind)).toMatchObject({ state: 'queued', reason });
  });

  it('asks for a go-ahead on a stale label, and fails on any other stuck job', () => {
    const view = viewWith();
    const reason = msg('scan.step.printed');
    expect(
      view(
        job({ state: 'needs-attention', reason, lastError: { code: 'label-stale', ...reason } }),
      ),
    ).toMatchObject({ state: 'queued', step: msg('scan.step.waitingGoAhead'), reason });
    expect(
      view(job({ state: 'needs-attention', reason, lastError: { code: 'internal', ...reason } })),
    ).toMatchObject({ state: 'failed', step: msg('scan.step.failed'), reason });
  });

  it('ends a handed-over order with what the job says, and a cancelled one as cancelled', () => {
    const view = viewWith();
    const handedOver = msg('scan.step.printed');
    expect(view(job({ state: 'done', reason: handedOver }))).toMatchObject({
      state: 'printed',
      step: handedOver,
    });
    expect(view(job({ state: 'cancelled' }))).toEqual({
      state: 'failed',
      step: msg('scan.step.cancelled'),
      reason: null,
      error: { code: 'cancelled', ...msg('scan.error.cancelled') },
    });
  });

  it('says which account a held label waits for, and why', () => {
    const stateReason = msg('scan.waiting.reconnectIt');
    const accounts = {
      usable: () => false,
      list: () => [{ id: 'acme', name: 'Acme', stateReason } as AccountView],
    } as unknown as Accounts;
    const view = viewWith({ heldReason: heldByAccount(accounts) });
    expect(view(job({ accountId: 'acme' })).reason).toEqual(
      msg('scan.waiting.accountUnusable', { account: 'Acme', reason: stateReason }),
    );
    expect(view(job({ accountId: 'gone' })).reason).toEqual(
      msg('scan.waiting.accountUnusable', {
        account: msg('scan.waiting.accountUnnamed'),
        reason: msg('scan.waiting.reconnectIt'),
      }),
    );
  });
});

describe('a scan between the audit and the screen', () => {
  const record = {
    id: 's1',
    code: 'PD-1',
    state: 'printed' as const,
    step: msg('scan.step.printed'),
    orderNumber: 'PD-1',
    trackingNumber: 'JVGL0001',
    carrier: 'postnl',
    error: null,
    reprint: false,
    startedAt: '2026-12-02T09:00:00Z',
    finishedAt: '2026-12-02T09:00:01Z',
    jobId: 'j1',
    waitingReason: null,
    warning: null,
    shippingOptionCode: 'postnl:standard',
    shippingOptionName: null,
  };

  it('shows an option whose name was not known by its code', () => {
    expect(scanEntryOf(record).shippingOption).toEqual({
      code: 'postnl:standard',
      name: 'postnl:standard',
    });
    expect(scanEntryOf({ ...record, shippingOptionCode: null }).shippingOption).toBeNull();
  });

  it('keeps what the screen showed, and why its option was chosen', () => {
    const named = { ...record, shippingOptionName: 'PostNL Standard', shippingOptionWhy: null };
    expect(scanRecordOf(scanEntryOf(named))).toEqual(named);
    const why = msg('routing.why.rule', { number: 1, name: 'Belgium' });
    const ruled = { ...named, shippingOptionWhy: why };
    expect(scanEntryOf(ruled).shippingOption).toEqual({
      code: 'postnl:standard',
      name: 'PostNL Standard',
      why,
    });
    expect(scanRecordOf(scanEntryOf(ruled))).toEqual(ruled);
  });
});
