// The supervisor's day: the summary the Day screen shows, the day's shipments as CSV, and each
// carrier's hand-over list, saved or printed on the A4 route.
import { msg } from '../../src-shared';
import type { Clock } from '../clock';
import { writeCsv } from '../csv';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import { createLogger } from '../log';
import { assertReady, type PrinterRegistry } from '../printing/registry';
import { shipmentStateOf } from '../shipping/shipment-rows';
import type { StationIdentity } from '../station/identity';
import { listAccounts, listMerchants } from '../store/accounts';
import { handoverParcels } from '../store/day';
import type { Db } from '../store/db';
import { shipmentRecordsBetween } from '../store/shipment-list';
import { dayRange, stationTimeZone } from './day-range';
import { daySummary, windowOf } from './day-summary';
import { handoverPdf } from './handover';

const log = createLogger('day');

/** A day's export holds every label of it; more than this is not a day of one station. */
const EXPORT_LIMIT = 1_000_000;

export interface DayDeps {
  db: Db;
  clock: Clock;
  identity: StationIdentity;
  printers: Pick<PrinterRegistry, 'printerFor' | 'noteStatus'>;
  /** The station's time zone; the operating system's when not given. */
  timeZone?: string;
  /** Every account the station works with, by id and name (also those not in the database). */
  accountNames?: () => ReadonlyMap<string, string>;
}

export const dayCsvHeader = [
  'order_number',
  'tracking_number',
  'carrier',
  'shipping_option',
  'shipping_option_name',
  'packer',
  'station',
  'account',
  'merchant',
  'created_at',
  'printed_at',
  'state',
  'reprints',
  'cost',
  'currency',
] as const;

/**
 * The day's labels as CSV. `stationNames` names the stations of a warehouse (the rows are then
 * the ledger's, every station's); without it only this station has a name.
 */
export function dayCsv(
  db: Db,
  day: string,
  timeZone: string,
  identity: StationIdentity,
  stationNames?: ReadonlyMap<string, string>,
): { csv: string; rows: number } {
  const range = dayRange(day, timeZone);
  const accounts = new Map(listAccounts(db).map((a) => [a.id, a.name]));
  const merchants = new Map(listMerchants(db).map((m) => [m.id, m.name]));
  const records = shipmentRecordsBetween(db, { ...windowOf(range), limit: EXPORT_LIMIT })
    .filter((record) => record.source === 'station')
    .reverse();
  const rows = records.map((r) => [
    r.orderNumber,
    r.trackingNumber,
    r.carrier,
    r.shippingOptionCode,
    r.shippingOptionName,
    r.packerName ?? r.packerId,
    r.stationId === identity.id
      ? identity.name
      : ((r.stationId !== null ? stationNames?.get(r.stationId) : undefined) ?? r.stationId),
    accounts.get(r.accountId) ?? r.accountId,
    r.merchantId === null ? null : (merchants.get(r.merchantId) ?? r.merchantId),
    r.createdAt,
    r.printedAt,
    shipmentStateOf(r),
    r.reprintCount,
    r.costValue,
    r.costValue === null ? null : r.costCurrency,
  ]);
  return { csv: writeCsv(dayCsvHeader, rows), rows: rows.length };
}

export function dayCommands(
  deps: DayDeps,
): Pick<CommandHandlers, 'day.summary' | 'day.export' | 'day.handover'> {
  const { db, identity } = deps;
  const timeZone = deps.timeZone ?? stationTimeZone();
  return {
    'day.summary': async ({ day }) =>
      daySummary(db, day, timeZone, identity, deps.accountNames?.()),
    'day.export': async ({ day }) => {
      const { csv, rows } = dayCsv(db, day, timeZone, identity);
      return { fileName: `packdesk-shipments-${day}.csv`, csv, rows };
    },
    'day.handover': async ({ day, carrier, print, language }) => {
      const parcels = handoverParcels(db, windowOf(dayRange(day, timeZone)), carrier);
      if (parcels.length === 0) {
        throw new AppError('invalid-input', msg('day.handover.noParcels', { carrier, day }), {
          log: `no ${carrier} parcels on ${day} to hand over`,
        });
      }
      const pdf = await handoverPdf({
        carrier,
        day,
        stationName: identity.name,
        language: language ?? 'en',
        parcels,
        madeAt: new Date(deps.clock.now()).toISOString(),
      });
      const fileName = `packdesk-handover-${carrier}-${day}.pdf`;
      let printedOn: string | null = null;
      if (print) {
        const entry = deps.printers.printerFor('a4-document');
        if (!entry) {
          throw new AppError('printer-offline', msg('day.handover.noA4Printer'), {
            log: 'no printer takes A4 documents',
          });
        }
        assertReady(
          entry.printer,
          deps.printers.noteStatus(entry.record.id, await entry.printer.status()),
        );
        await entry.printer.send(pdf, { title: fileName, media: 'A4' });
        printedOn = entry.record.name;
        log.info('hand-over list printed', { carrier, day, parcels: parcels.length });
      }
      return {
        carrier,
        parcels: parcels.length,
        fileName,
        pdfBase64: pdf.toString('base64'),
        printedOn,
      };
    },
  };
}
