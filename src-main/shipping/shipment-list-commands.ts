// TEMPORARY (h3, issue 11): `shipments.list` only, so the Shipments screen has rows to show
// while h2's shipment-commands.ts is built. The lead reconciles this with h2's module on merge.
import { msg } from '../../src-shared';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import type { StationIdentity } from '../station/identity';
import type { Db } from '../store/db';
import { shipmentRecordsBetween } from '../store/shipment-list';
import { shipmentRowOf } from './shipment-rows';

/** More than a day's work of the busiest station; the newest are sent and `truncated` says so. */
export const shipmentListCap = 20_000;
const defaultDays = 14;

/** Midnight starting a local day (`YYYY-MM-DD`) in the station's own time zone, as ISO. */
function localMidnight(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function shipmentListCommands(deps: {
  db: Db;
  clock: Clock;
  identity: StationIdentity;
}): Pick<CommandHandlers, 'shipments.list'> {
  return {
    'shipments.list': async ({ from, to, limit }) => {
      const today = localDay(deps.clock.now());
      const lastDay = to ?? today;
      const firstDay =
        from ?? localDay(new Date(localMidnight(lastDay, 1 - defaultDays)).getTime());
      if (firstDay > lastDay) {
        throw new AppError('invalid-input', msg('station.billing.daysReversed'), {
          log: `shipments list from ${firstDay} after ${lastDay}`,
        });
      }
      const cap = Math.min(limit ?? shipmentListCap, shipmentListCap);
      const records = shipmentRecordsBetween(deps.db, {
        fromIso: localMidnight(firstDay),
        toIso: localMidnight(lastDay, 1),
        limit: cap + 1,
      });
      return {
        rows: records.slice(0, cap).map((record) => shipmentRowOf(record, deps.identity)),
        truncated: records.length > cap,
      };
    },
  };
}
