import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { manualClock } from '../../test/helpers/clock';
import { PrinterError, type Printer, type SpooledOutcome } from '../printing/printer';
import type { PrinterEntry } from '../printing/registry';
import { openDatabase, type Db } from '../store/db';
import { noteSpooled, spooledPrint } from '../store/spooled-prints';
import { sendUnlessSpooled } from './print-once';

let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

/** A spooler-like printer: `spooled` answers as told; `send` records, names its job, may fail. */
function spooler(outcome: SpooledOutcome) {
  const asked: string[] = [];
  const printer = {
    name: 'Office A4',
    address: 'ipp://127.0.0.1:631/printers/A4',
    transport: 'cups',
    language: 'pdf',
    send: async () => undefined,
    spooled: async (ref: string) => {
      asked.push(ref);
      return outcome;
    },
    status: async () => ({ reachable: true, faults: [], pending: 0, dpi: null, source: 'spooler' }),
    close: async () => undefined,
  } as unknown as Printer;
  const target = { record: { id: 'a4' }, printer } as unknown as PrinterEntry;
  return { target, asked };
}

function setup() {
  db = openDatabase(':memory:');
  return { db, clock: manualClock() };
}

describe('a print a spooler took before a kill', () => {
  it('is asked about by its job id and not sent again when it printed', async () => {
    const deps = setup();
    noteSpooled(deps.db, { jobId: 'job-1', printerId: 'a4', ref: '41' }, 0);
    const { target, asked } = spooler('printed');
    let sends = 0;
    await sendUnlessSpooled(deps, target, 'job-1', async () => void (sends += 1));
    expect(asked).toEqual(['41']);
    expect(sends).toBe(0);
  });

  it('is sent again when the spooler says it did not print, and the new job id is kept', async () => {
    const deps = setup();
    noteSpooled(deps.db, { jobId: 'job-1', printerId: 'a4', ref: '41' }, 0);
    const { target, asked } = spooler('not-printed');
    await sendUnlessSpooled(deps, target, 'job-1', async (onSpooled) => onSpooled('42'));
    expect(asked).toEqual(['41']);
    expect(spooledPrint(deps.db, 'job-1')).toEqual({ jobId: 'job-1', printerId: 'a4', ref: '42' });
  });

  it('is not asked about on another printer (the route changed): it is sent there', async () => {
    const deps = setup();
    noteSpooled(deps.db, { jobId: 'job-1', printerId: 'old', ref: '41' }, 0);
    const { target, asked } = spooler('printed');
    let sends = 0;
    await sendUnlessSpooled(deps, target, 'job-1', async () => void (sends += 1));
    expect(asked).toEqual([]);
    expect(sends).toBe(1);
  });

  it('forgets a job the spooler refused or aborted, and keeps one left as the station closed', async () => {
    const deps = setup();
    const { target } = spooler('printed');
    const aborted = new PrinterError(
      'printer-error',
      msg('printer.queue.jobAborted', { queue: 'A4' }),
    );
    await expect(
      sendUnlessSpooled(deps, target, 'job-1', async (onSpooled) => {
        onSpooled('43');
        throw aborted;
      }),
    ).rejects.toBe(aborted);
    expect(spooledPrint(deps.db, 'job-1')).toBeNull();

    const closing = new PrinterError(
      'printer-error',
      msg('printer.closedMidJob', { printer: 'A4' }),
    );
    await expect(
      sendUnlessSpooled(deps, target, 'job-2', async (onSpooled) => {
        onSpooled('44');
        throw closing;
      }),
    ).rejects.toBe(closing);
    expect(spooledPrint(deps.db, 'job-2')?.ref).toBe('44');
  });
});
