// "After scanning": a packer who says the boxes right after scanning an order whose label has
// not gone to Sendcloud yet (queued or waiting, never tried) means that order, not the next one.
// Its job's choices take the boxes; anything else is for the next order, as before.
import { msg, type Message } from '../../src-shared';
import { recentScans } from '../store/audit';
import type { Db } from '../store/db';
import { getJob, saveJob, type Job } from '../store/jobs';
import type { NextScanState } from './command-codes';

/** The label job of the station's last scan, when no request for it can have left yet. */
export function unsentLabelOfLastScan(db: Db): Job | null {
  const last = recentScans(db, 1)[0];
  const job = last?.jobId ? getJob(db, last.jobId) : null;
  if (!job || job.kind !== 'create-label') return null;
  // A try that failed may have made the label (a lost answer): its choices stay as they were.
  if (job.attempts > 0 || (job.state !== 'queued' && job.state !== 'waiting')) return null;
  return job;
}

export function withBoxesAfterScan(
  next: NextScanState,
  deps: { db: Db; now: () => number },
): NextScanState {
  let said: Message | null = null;

  /** Give the boxes to the last scan's unsent label; false when there is none. */
  function toUnsentLabel(boxes: number | null): boolean {
    said = null;
    if (boxes === null || boxes < 2) return false;
    const job = unsentLabelOfLastScan(deps.db);
    if (!job) return false;
    saveJob(deps.db, { ...job, choices: { ...job.choices, boxes }, updatedAt: deps.now() });
    said = msg('boxes.applied', { order: job.orderNumber ?? job.code ?? '', boxes });
    return true;
  }

  return {
    ...next,
    apply(command) {
      if (command.type === 'boxes' && toUnsentLabel(command.boxes)) return next.current();
      said = null;
      return next.apply(command);
    },
    set(value) {
      const current = next.current();
      if (value.boxes !== current.boxes && toUnsentLabel(value.boxes)) {
        return next.set({ ...value, boxes: current.boxes });
      }
      said = null;
      return next.set(value);
    },
    said: () => said,
  };
}
