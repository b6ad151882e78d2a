// The printer-truth rule every print job follows (labels, customs documents): status before, the
// bytes unless an earlier try of the job sent them, status after. Bytes a printer took while
// reporting a fault are remembered as sent (jobs.sent_at), so fixing the printer never prints
// them twice; a job a spooler took is remembered by the spooler's job id until it has printed,
// so a kill while CUPS holds it asks CUPS about it rather than printing it again.
import { msg } from '../../src-shared';
import type { Clock } from '../clock';
import { PrinterError, type SendOptions } from '../printing/printer';
import { assertReady, type PrinterEntry, type PrinterRegistry } from '../printing/registry';
import type { Db } from '../store/db';
import { getJob, saveJob, type Job } from '../store/jobs';
import { forgetSpooled, noteSpooled, spooledPrint } from '../store/spooled-prints';

/**
 * Send through `send` unless a spooler (CUPS) took this print (`key`) before the station was
 * killed and has printed it since: then it is asked about, not sent again. The spooler's job id
 * is kept from the moment it names it; the caller forgets it (`forgetSpooled`) in the same
 * transaction that records the print as sent.
 */
export async function sendUnlessSpooled(
  deps: { db: Db; clock: Clock },
  target: PrinterEntry,
  key: string,
  send: (onSpooled: (ref: string) => void) => Promise<void>,
): Promise<void> {
  const { printer } = target;
  const left = spooledPrint(deps.db, key);
  if (left !== null && left.printerId === target.record.id && printer.spooled) {
    if ((await printer.spooled(left.ref)) === 'printed') return;
  }
  const onSpooled = (ref: string) =>
    noteSpooled(deps.db, { jobId: key, printerId: target.record.id, ref }, deps.clock.now());
  try {
    await send(onSpooled);
  } catch (error) {
    // Refused, cancelled or aborted: the spooler holds nothing of it. A station closing mid-job
    // leaves it with the spooler, to be asked about next time.
    if (!(error instanceof PrinterError && error.said.key === 'printer.closedMidJob')) {
      forgetSpooled(deps.db, key);
    }
    throw error;
  }
}

export function createPrintOnce(deps: { db: Db; clock: Clock; printers: PrinterRegistry }) {
  async function checkStatus(target: PrinterEntry) {
    return deps.printers.noteStatus(target.record.id, await target.printer.status());
  }

  /** Status, the bytes unless an earlier try sent them, status again; ms the printer took. */
  async function sendOnce(
    target: PrinterEntry,
    job: Job,
    bytes: Uint8Array,
    options: SendOptions,
  ): Promise<number | null> {
    const { printer } = target;
    let printerMs: number | null = null;
    if (job.sentAt === null) {
      await sendUnlessSpooled(deps, target, job.id, async (onSpooled) => {
        assertReady(printer, await checkStatus(target));
        const sending = performance.now();
        await printer.send(bytes, { ...options, onSpooled });
        printerMs = Math.round(performance.now() - sending);
      });
      deps.db.transaction(() => {
        saveJob(deps.db, { ...(getJob(deps.db, job.id) ?? job), sentAt: deps.clock.now() });
        forgetSpooled(deps.db, job.id);
      })();
    }
    const after = await checkStatus(target);
    if (!after.reachable && after.source !== 'none') {
      throw new PrinterError(
        'printer-offline',
        msg('printer.tookThenLost', { printer: printer.name }),
        {
          log: `${printer.name} took the job, then stopped answering.`,
        },
      );
    }
    if (after.faults.length > 0) {
      throw new PrinterError(
        'printer-fault',
        msg('printer.faultAfterTaking', { faults: after.message, printer: printer.name }),
        {
          faults: after.faults,
          log: `${printer.name} took the job and reports ${after.faults.join(', ')}`,
        },
      );
    }
    return printerMs;
  }

  return { sendOnce };
}
