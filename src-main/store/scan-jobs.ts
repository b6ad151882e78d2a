// Which outbox job carries a scan (the audit's link), for a command that names the scan.
import { statement, type Db } from './db';

export function jobOfScan(db: Db, scanId: string): string | null {
  const row = statement(db, 'SELECT job_id FROM scan_audit WHERE id = @scanId').get({ scanId }) as
    { job_id: string | null } | undefined;
  return row?.job_id ?? null;
}
