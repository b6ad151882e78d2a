// The Queue panel's commands: list the outbox, retry or cancel a job, print held labels, and
// how the outbox drains.
import { msg } from '../../src-shared';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import { createLogger } from '../log';
import { toJobView } from '../station/status-views';
import type { Db } from '../store/db';
import { activeJobs, getJob, jobsIn } from '../store/jobs';
import type { Outbox } from './outbox';
import type { OutboxSettingsStore } from './outbox-settings';
import { canApply } from './policy';

type QueueCommands = Pick<
  CommandHandlers,
  'queue.list' | 'queue.retry' | 'queue.cancel' | 'queue.printHeld' | 'outbox.settings'
>;

const log = createLogger('station');

export function queueCommands(deps: {
  db: Db;
  outbox: Outbox;
  settings: OutboxSettingsStore;
  /** The settings changed: the status shows them. */
  onSettingsChanged: () => void;
}): QueueCommands {
  const { db, outbox } = deps;

  /** A packer's retry or cancel, where the job's state allows it. */
  function act(id: string, event: 'retry' | 'cancel') {
    const job = getJob(db, id);
    if (!job) throw new AppError('invalid-input', msg('station.queue.noJob', { id }));
    // A batch's orders are cancelled on the Batch screen, where it says what happens to each.
    if (event === 'cancel' && job.kind === 'batch') {
      throw new AppError('invalid-input', msg('station.queue.batchOnItsScreen'), {
        log: 'a batch is cancelled on the Batch screen, not in the queue',
      });
    }
    if (!canApply(job, event)) {
      throw new AppError(
        'invalid-input',
        msg(event === 'retry' ? 'station.queue.nothingToRetry' : 'station.queue.cannotCancel'),
        { log: `a ${job.state} job cannot ${event}` },
      );
    }
    const next = outbox.apply(job, { type: event });
    outbox.kick();
    log.info(`job ${event === 'retry' ? 'retried' : 'cancelled'} by a packer`, { job: id });
    return toJobView(next);
  }

  return {
    'queue.list': async () => activeJobs(db).map(toJobView),
    'queue.retry': async ({ id }) => act(id, 'retry'),
    'queue.cancel': async ({ id }) => act(id, 'cancel'),
    'queue.printHeld': async () => {
      const held = jobsIn(db, ['print'], ['held']);
      db.transaction(() => {
        for (const job of held) outbox.apply(job, { type: 'retry' });
      })();
      outbox.kick();
      return { released: held.length };
    },
    'outbox.settings': async (changes) => {
      const settings = deps.settings.change(changes);
      deps.onSettingsChanged();
      return settings;
    },
  };
}
