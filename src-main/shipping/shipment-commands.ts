// The Shipments screen's commands: the list of a range of days, a search in Sendcloud for a label
// made elsewhere, a shipment's details and preview, and a reprint to any printer set up.
import { shipmentPoint } from '../store/service-points';
import {
  msg,
  type LabelPreview,
  type Message,
  type ReprintReason,
  type ShipmentDetails,
  type ShipmentEvent,
  type ShipmentList,
  type ShipmentRow,
  type StepTimings,
  type VoidRules,
} from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import { describeFailure } from '../describe-error';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import type { Outbox } from '../outbox/outbox';
import { labelRequestFor, previewLabel } from '../printing/formats';
import { targetOf, type PrinterRegistry } from '../printing/registry';
import type { Shipment as SendcloudShipment } from '../sendcloud/v3/schemas';
import type { Actor, CurrentActor } from '../station/actor';
import type { StationIdentity } from '../station/identity';
import { merchantForOrder } from '../store/accounts';
import type { Db } from '../store/db';
import { newJob } from '../store/jobs';
import { findOrderByCode } from '../store/orders';
import { shipmentHistory } from '../store/shipment-events';
import {
  shipmentRecord,
  shipmentRecordsBetween,
  shipmentRecordsOf,
  type ShipmentListRecord,
} from '../store/shipment-list';
import { findShipmentByParcel, insertFoundShipment, shipmentTimings } from '../store/shipments';
import { labelOf, NATIVE_ZPL_DPI } from './label-documents';
import { daysBefore, localDayOf, localDayRange, stationTimeZone } from '../local-days';
import { shipmentRowOf } from './shipment-rows';

/** The list sends at most this many rows, the newest: the screen filters what it has. */
export const SHIPMENT_LIST_CAP = 20_000;
/** Without a range, the list covers today and the 13 days before it. */
export const DEFAULT_LIST_DAYS = 14;

type ShipmentCommands = Pick<
  CommandHandlers,
  | 'shipments.list'
  | 'shipments.lookUp'
  | 'shipments.details'
  | 'shipments.preview'
  | 'shipments.reprint'
>;

export interface ShipmentCommandDeps {
  db: Db;
  clock: Clock;
  newId: () => string;
  accounts: Pick<Accounts, 'client' | 'usableIds'>;
  printers: PrinterRegistry;
  outbox: Pick<Outbox, 'enqueue' | 'kick'>;
  identity: StationIdentity;
  actor: CurrentActor;
  /** Sendcloud's rules for voiding a shipment now, for the actor (the void module's). */
  voidRules: (record: ShipmentListRecord, actor: Actor) => VoidRules;
  /** The station's days; default this computer's time zone. */
  timeZone?: string;
  /** At most this many rows in a list (tests lower it). */
  listCap?: number;
}

/** Why a label is printed again, in a packer's words, with the printer it goes to. */
export function reprintDetail(reason: ReprintReason, printer: string, note?: string): Message {
  switch (reason) {
    case 'damaged':
      return msg('shipments.reprint.damaged', { printer });
    case 'lost':
      return msg('shipments.reprint.lost', { printer });
    case 'wrong-printer':
      return msg('shipments.reprint.wrongPrinter', { printer });
    case 'other':
      return note
        ? msg('shipments.reprint.otherNote', { printer, note })
        : msg('shipments.reprint.other', { printer });
  }
}

/** Sendcloud's time as the station keeps times (UTC, ms), so day ranges compare as text. */
const isoOf = (value: string | null | undefined): string | null => {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

/** A parcel of a Sendcloud shipment, as the station would have stored it had it made it. */
export function foundShipmentsOf(
  shipment: SendcloudShipment,
  accountId: string,
  context: { orderRef: (orderNumber: string) => string; merchantId: string | null; now: string },
) {
  const optionCode = shipment.ship_with?.properties?.shipping_option_code ?? null;
  const pdf = shipment.label_details?.mime_type === 'application/pdf';
  const orderNumber = shipment.order_number ?? shipment.reference ?? shipment.id;
  return shipment.parcels
    .filter((parcel) => parcel.tracking_number)
    .map((parcel) => ({
      shipment: {
        parcelId: parcel.id,
        shipmentId: shipment.id,
        orderRef: context.orderRef(orderNumber),
        orderNumber,
        trackingNumber: parcel.tracking_number ?? '',
        trackingUrl: parcel.tracking_url ?? null,
        carrier: shipment.carrier?.code ?? optionCode?.split(':')[0] ?? 'unknown',
        labelFormat: pdf ? ('pdf' as const) : ('zpl' as const),
        labelDpi: pdf ? 72 : NATIVE_ZPL_DPI,
        createdAt: isoOf(parcel.created_at ?? parcel.announced_at) ?? context.now,
        accountId,
        merchantId: context.merchantId,
      },
      facts: {
        shippingOptionCode: optionCode,
        recipientName: shipment.to_address?.name ?? shipment.to_address?.company_name ?? null,
        recipientPostcode: shipment.to_address?.postal_code ?? null,
      },
    }));
}

/**
 * The instants a list asks for and how many rows it may send: the screen asks for its first page
 * of the newest rows, then for the whole range; without a range, the last 14 days.
 */
export function shipmentListRange(
  input: { from?: string | undefined; to?: string | undefined; limit?: number | undefined },
  now: number,
  timeZone: string,
  cap: number = SHIPMENT_LIST_CAP,
): { most: number; range: { fromIso: string; toIso: string } } {
  const most = Math.min(input.limit ?? cap, cap);
  const today = localDayOf(now, timeZone);
  const to = input.to ?? (input.from && input.from > today ? input.from : today);
  const from = input.from ?? daysBefore(to, DEFAULT_LIST_DAYS - 1);
  if (from > to) {
    throw new AppError('invalid-input', msg('shipments.range.reversed'), {
      log: `Shipments from ${from} to ${to}: reversed.`,
    });
  }
  return { most, range: localDayRange(from, to, timeZone) };
}

/** A Sendcloud failure said in a packer's words (offline, refused), not as an internal error. */
async function speaking<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const { code, key, params } = describeFailure(error);
    throw new AppError(code, { key, params }, { cause: error });
  }
}

export function shipmentCommands(deps: ShipmentCommandDeps): ShipmentCommands {
  const { db, identity } = deps;
  const timeZone = deps.timeZone ?? stationTimeZone();
  const cap = deps.listCap ?? SHIPMENT_LIST_CAP;
  const rowOf = (record: ShipmentListRecord): ShipmentRow => shipmentRowOf(record, identity);

  const notFound = (parcelId: number) =>
    new AppError('order-not-found', msg('shipments.notFound', { parcel: parcelId }), {
      log: `No shipment ${parcelId} at this station.`,
    });

  function recordOf(parcelId: number): ShipmentListRecord {
    const record = shipmentRecord(db, parcelId);
    if (!record) throw notFound(parcelId);
    return record;
  }

  function list(input: {
    from?: string | undefined;
    to?: string | undefined;
    limit?: number | undefined;
  }): ShipmentList {
    const { most, range } = shipmentListRange(input, deps.clock.now(), timeZone, cap);
    const records = shipmentRecordsBetween(db, { ...range, limit: most + 1 });
    return { rows: records.slice(0, most).map(rowOf), truncated: records.length > most };
  }

  /**
   * Ask every usable account for the shipments of an order number, then (none found) of a
   * tracking number. What is found is kept without its label, which a reprint or preview fetches.
   */
  async function lookUp(query: string): Promise<ShipmentRow[]> {
    const accountIds = deps.accounts.usableIds();
    // One account that cannot answer (keys revoked) does not hide what the others found.
    const ask = async (by: 'orderNumber' | 'trackingNumber') => {
      const pages = await Promise.allSettled(
        accountIds.map(async (accountId) => ({
          accountId,
          page: await deps.accounts.client(accountId).listShipments({ [by]: query, pageSize: 100 }),
        })),
      );
      const answered = pages.flatMap((result) =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      const failure = pages.find((result) => result.status === 'rejected');
      if (answered.length === 0 && failure) throw failure.reason;
      return answered.flatMap(({ accountId, page }) =>
        page.shipments.map((shipment) => ({ accountId, shipment })),
      );
    };
    let found = await ask('orderNumber');
    if (found.length === 0) found = await ask('trackingNumber');
    const now = new Date(deps.clock.now()).toISOString();
    const parcelIds = db.transaction(() =>
      found.flatMap(({ accountId, shipment }) =>
        foundShipmentsOf(shipment, accountId, {
          orderRef: (orderNumber) =>
            findOrderByCode(db, orderNumber, [accountId])?.id ?? `sendcloud:${shipment.id}`,
          merchantId: merchantForOrder(db, shipment.order_number ?? '')?.id ?? null,
          now,
        }).map(({ shipment: parcel, facts }) => {
          insertFoundShipment(db, parcel, facts);
          return parcel.parcelId;
        }),
      ),
    )();
    return shipmentRecordsOf(db, parcelIds).map(rowOf);
  }

  function details(parcelId: number): ShipmentDetails {
    const record = recordOf(parcelId);
    const row = rowOf(record);
    const history: ShipmentEvent[] = shipmentHistory(db, parcelId).map((event) => ({
      kind: event.kind,
      at: event.at,
      packer:
        event.packerId !== null
          ? { id: event.packerId, name: event.packerName ?? event.packerId }
          : null,
      stationName: event.stationId === identity.id ? identity.name : null,
      detail: event.detail,
    }));
    const stored = shipmentTimings(db, parcelId);
    const timings: StepTimings | null =
      stored && Object.values(stored).some((ms) => ms !== null) ? stored : null;
    const servicePoint = shipmentPoint(db, parcelId);
    return {
      ...(servicePoint ? { servicePoint } : {}),
      row,
      history,
      timings,
      voidRules: deps.voidRules(record, deps.actor()),
      canReprint: row.state !== 'voided',
      labelStored: record.labelStored,
    };
  }

  /** The format to fetch a label not kept: what the label printer prints best. */
  function fetchFormat(): 'zpl' | 'pdf' {
    const printer = deps.printers.printerFor('zpl-label') ?? deps.printers.printerFor('pdf-label');
    return printer ? labelRequestFor(targetOf(printer)).format : 'zpl';
  }

  async function preview(parcelId: number): Promise<LabelPreview> {
    const shipment = findShipmentByParcel(db, parcelId);
    if (!shipment) throw notFound(parcelId);
    const label = await labelOf(deps, shipment, fetchFormat());
    const png = await previewLabel(label);
    return {
      trackingNumber: shipment.trackingNumber,
      format: label.format,
      pngBase64: png.toString('base64'),
    };
  }

  function reprint(input: {
    parcelId: number;
    printerId: string;
    reason: ReprintReason;
    note?: string | undefined;
  }): ShipmentRow {
    const record = recordOf(input.parcelId);
    if (rowOf(record).state === 'voided') {
      throw new AppError(
        'label-voided',
        msg('shipments.label.voided', { tracking: record.trackingNumber }),
        { log: `Reprint of voided label ${record.parcelId} refused.` },
      );
    }
    const shipment = findShipmentByParcel(db, input.parcelId);
    const printer = deps.printers.get(input.printerId);
    const actor = deps.actor();
    const now = deps.clock.now();
    deps.outbox.enqueue(
      newJob('print', deps.newId(), now, {
        orderRef: shipment?.orderRef ?? null,
        orderNumber: record.orderNumber,
        code: record.trackingNumber,
        parcelId: record.parcelId,
        // Asked for now: never stale. The label goes to this printer, at its resolution.
        approvedAt: now,
        printerId: printer.record.id,
        detail: reprintDetail(input.reason, printer.record.name, input.note),
        packerId: actor.packerId,
        stationId: actor.stationId,
      }),
    );
    deps.outbox.kick();
    return rowOf(record);
  }

  return {
    'shipments.list': async (input) => list(input),
    'shipments.lookUp': ({ query }) => speaking(() => lookUp(query)),
    'shipments.details': async ({ parcelId }) => details(parcelId),
    'shipments.preview': ({ parcelId }) => speaking(() => preview(parcelId)),
    'shipments.reprint': async (input) => reprint(input),
  };
}
