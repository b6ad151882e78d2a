// The supervisor's per-merchant billing export, for the days asked.
import { msg } from '../../src-shared';
import { billingCsv } from './export';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import type { Db } from '../store/db';

export function billingCommands(db: Db): Pick<CommandHandlers, 'billing.export'> {
  return {
    'billing.export': async ({ from, to }) => {
      if (from > to) {
        throw new AppError('invalid-input', msg('station.billing.daysReversed'), {
          log: `billing export from ${from} after ${to}`,
        });
      }
      return billingCsv(db, from, to);
    },
  };
}
