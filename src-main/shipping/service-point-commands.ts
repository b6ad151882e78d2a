// The commands of a scan that failed on its pick-up point: the open points offered instead, the
// packer's pick (another point, or home delivery where the account allows it), and the account
// setting that allows home delivery. A pick sends the same label job again with the choice.
import { isServicePointRefusal, msg } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import type { Outbox } from '../outbox/outbox';
import type { Db } from '../store/db';
import { getJob, labelJobForOrder, type Job } from '../store/jobs';
import { findOrderByCode, type CachedOrder } from '../store/orders';
import { jobOfScan } from '../store/scan-jobs';
import { allowHomeDelivery, homeDeliveryAllowed } from '../store/service-points';
import { createServicePoints } from './service-points';

type ServicePointCommands = Pick<
  CommandHandlers,
  | 'scan.pointOffers'
  | 'scan.choosePoint'
  | 'servicePoints.homeDelivery'
  | 'servicePoints.setHomeDelivery'
>;

export function servicePointCommands(deps: {
  db: Db;
  accounts: Accounts;
  outbox: Outbox;
}): ServicePointCommands {
  const { db } = deps;
  const points = createServicePoints(deps);

  /** The label job a scan failed with, waiting on its point, and its order. */
  function waitingJob(scanId?: string, orderNumber?: string): { job: Job; order: CachedOrder } {
    const byScan = scanId !== undefined ? jobOfScan(db, scanId) : null;
    let job = byScan !== null ? getJob(db, byScan) : null;
    let order: CachedOrder | null = null;
    if (orderNumber !== undefined) {
      order = findOrderByCode(db, orderNumber, deps.accounts.ids());
      job ??= order ? labelJobForOrder(db, order.id) : null;
    }
    if (job?.orderRef && !order) {
      order = findOrderByCode(db, job.orderNumber ?? job.code ?? '', deps.accounts.ids());
    }
    const named = orderNumber ?? job?.orderNumber ?? scanId ?? '';
    if (
      !job ||
      !order ||
      job.kind !== 'create-label' ||
      job.orderRef !== order.id ||
      job.state !== 'needs-attention' ||
      !isServicePointRefusal(job.lastError)
    ) {
      throw new AppError('invalid-input', msg('servicePoints.error.notWaiting', { order: named }), {
        log: `No label job of ${named} waits for a service point.`,
      });
    }
    return { job, order };
  }

  /** The point the job was refused with: the one its error names. */
  const refusedId = (job: Job) => Number(job.lastError?.params.point ?? 0);

  return {
    'scan.pointOffers': async ({ scanId, orderNumber }) => {
      const { job, order } = waitingJob(scanId, orderNumber);
      return points.offersFor(order, refusedId(job));
    },

    'scan.choosePoint': async ({ scanId, orderNumber, servicePointId, homeDelivery }) => {
      if ((servicePointId === undefined) === (homeDelivery === undefined)) {
        throw new AppError('invalid-input', msg('servicePoints.error.choose'), {
          log: 'A service point pick names a point or home delivery, exactly one.',
        });
      }
      const { job, order } = waitingJob(scanId, orderNumber);
      const { boxes, optionCode } = job.choices ?? {};
      const kept = {
        ...(boxes !== undefined ? { boxes } : {}),
        ...(optionCode !== undefined ? { optionCode } : {}),
      };
      let choices: NonNullable<Job['choices']>;
      if (servicePointId !== undefined) choices = { ...kept, servicePointId };
      else {
        if (!homeDeliveryAllowed(db, order.accountId)) {
          throw new AppError('forbidden', msg('servicePoints.error.homeNotAllowed'), {
            log: `Account ${order.accountId} does not allow home delivery of point orders.`,
          });
        }
        // Home: the same carrier's home-delivery option, unless the packer chose one already.
        const carrier = order.shippingOptionCode?.split(':')[0] ?? '';
        const home = optionCode ?? (await points.homeOption(order, carrier));
        if (!home) {
          throw new AppError('invalid-input', msg('servicePoints.error.noHomeOption', { carrier }));
        }
        choices = { ...kept, optionCode: home, homeDelivery: true };
      }
      // The choice rides on the job: a retry or a restart makes the same label.
      deps.outbox.apply({ ...job, choices }, { type: 'retry' });
      deps.outbox.kick();
      return { jobId: job.id };
    },

    'servicePoints.homeDelivery': async ({ accountId }) => ({
      allowed: homeDeliveryAllowed(db, deps.accounts.record(accountId).id),
    }),

    'servicePoints.setHomeDelivery': async ({ accountId, allowed }) => {
      allowHomeDelivery(db, deps.accounts.record(accountId).id, allowed);
      return { allowed };
    },
  };
}
