// Prints a spooler took and had not finished when last seen: the spooler's own job id, kept so
// that a station killed while CUPS holds a job asks CUPS about it rather than printing it twice.
import { statement, type Db } from './db';

export interface SpooledPrint {
  jobId: string;
  printerId: string;
  ref: string;
}

export function noteSpooled(db: Db, print: SpooledPrint, at: number): void {
  statement(
    db,
    `INSERT INTO spooled_prints (job_id, printer_id, spool_ref, spooled_at)
     VALUES (@jobId, @printerId, @ref, @at)
     ON CONFLICT (job_id) DO UPDATE SET printer_id = excluded.printer_id,
       spool_ref = excluded.spool_ref, spooled_at = excluded.spooled_at`,
  ).run({ ...print, at });
}

export function spooledPrint(db: Db, jobId: string): SpooledPrint | null {
  const row = statement(
    db,
    `SELECT job_id AS jobId, printer_id AS printerId, spool_ref AS ref
       FROM spooled_prints WHERE job_id = @jobId`,
  ).get({ jobId }) as SpooledPrint | undefined;
  return row ?? null;
}

export function forgetSpooled(db: Db, jobId: string): void {
  statement(db, `DELETE FROM spooled_prints WHERE job_id = @jobId`).run({ jobId });
}
