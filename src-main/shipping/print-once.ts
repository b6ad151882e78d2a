// The printer-truth rule every print job follows (labels, customs documents): status before, the
// bytes unless an earlier try of the job sent them, status after. Bytes a printer took while
// reporting a fault are remembered as sent (jobs.sent_at), so fixing the printer never prints
// them twice.
import { msg } from '../../src-shared';
import type { Clock } from '../clock';
import { PrinterError, type SendOptions } from '../printing/printer';
import { assertReady, type PrinterEntry, type PrinterRegistry } from '../printing/registry';
import type { Db } from '../store/db';
import { getJob, saveJob, type Job } from '../store/jobs';

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
      assertReady(printer, await checkStatus(target));
      const sending = performance.now();
      await printer.send(bytes, options);
      printerMs = Math.round(performance.now() - sending);
      saveJob(deps.db, { ...(getJob(deps.db, job.id) ?? job), sentAt: deps.clock.now() });
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
