// The option a scan shows for its label, and why: the fallback that made it after a carrier's
// refusal (kept on the label job), the packer's one-off choice (the job's choices), else what
// the order's plan says. The scan audit keeps only the code and name, so this is worked out
// again from the job each time a scan is brought up to date.
import { msg } from '../../src-shared';
import type { Db } from '../store/db';
import { getJob, type Job } from '../store/jobs';
import type { ShippingOption } from './shipping-options';

/** The create-label job behind a job: itself, or a print job's parent. */
function labelJobOf(db: Db, job: Job): Job | null {
  if (job.kind === 'create-label') return job;
  if (job.kind === 'print' && job.parentId) {
    const parent = getJob(db, job.parentId);
    return parent?.kind === 'create-label' ? parent : null;
  }
  return null;
}

/** Null when neither a fallback nor the packer chose: the order's plan stands. */
export function optionShown(
  db: Db,
  job: Job,
  named: (code: string) => ShippingOption,
): ShippingOption | null {
  const label = labelJobOf(db, job);
  if (!label) return null;
  const detail = label.detail;
  if (detail?.key === 'routing.why.fallback' && typeof detail.params.option === 'string') {
    return { ...named(detail.params.option), why: detail };
  }
  const chosen = label.choices?.optionCode;
  return chosen ? { ...named(chosen), why: msg('routing.why.override') } : null;
}
