// The Returns commands: make a return for a shipment with the Returns API v3, then print its label
// for the box or hand over the return portal link; print it again; list returns with the status
// Sendcloud reports. A return is made while a person waits at the screen, so it is asked for
// there and then, not queued: unreachable, the person reads so and nothing is kept. Sendcloud's
// returns list is looked at before every create, and again when an answer was lost, so one
// shipment never gets two returns, whatever failed or restarted in between.
import { msg, type Message, type ReturnMade, type ReturnRow } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import { describeFailure } from '../describe-error';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import { daysBefore, localDayOf, localDayRange, stationTimeZone } from '../local-days';
import { createLogger } from '../log';
import { labelRequestFor, prepareLabel } from '../printing/formats';
import { assertReady, targetOf, type PrinterRegistry } from '../printing/registry';
import { SendcloudError } from '../sendcloud/errors';
import type { CreateReturnRequest } from '../sendcloud/v3/returns';
import type { Return } from '../sendcloud/v3/schemas';
import type { CurrentActor } from '../station/actor';
import type { StationIdentity } from '../station/identity';
import type { Db } from '../store/db';
import {
  getReturn,
  insertReturn,
  knownReturnIds,
  markReturnPrinted,
  returnForParcel,
  returnsBetween,
  setReturnPortalUrl,
  setReturnStatus,
  storeReturnLabel,
  type ReturnRecord,
} from '../store/returns';
import { shipmentRecord } from '../store/shipment-list';
import { labelFormatOf, NATIVE_ZPL_DPI } from './label-documents';
import {
  earlierReturn,
  parentStatusOf,
  returnParcelIdOf,
  returnRequestFor,
  returnRowOf,
  RETURN_SLACK_MS,
} from './returns';

const log = createLogger('returns');

/** Without a range, returns of today and the 13 days before are listed. */
const DEFAULT_RETURN_DAYS = 14;
/** Pages of the returns list read at most for a look-up or a status refresh: 400 returns. */
const MAX_PAGES = 10;

type ReturnCommands = Pick<CommandHandlers, 'returns.create' | 'returns.print' | 'returns.list'>;

export interface ReturnCommandDeps {
  db: Db;
  clock: Clock;
  accounts: Pick<Accounts, 'client'>;
  printers: PrinterRegistry;
  identity: StationIdentity;
  actor: CurrentActor;
  timeZone?: string;
}

/** A failure that may have happened after Sendcloud made the return: look before asking again. */
const mayHaveMade = (error: unknown): boolean =>
  error instanceof SendcloudError && ['network', 'timeout', 'server'].includes(error.kind);

/** Sendcloud's `2026-05-04 08:00:00` (UTC) for an instant. */
const sendcloudTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** A failure said in a packer's words (offline, refused), never as an internal error. */
function spoken(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const { code, key, params } = describeFailure(error);
  return new AppError(code, { key, params }, { cause: error });
}

export function returnCommands(deps: ReturnCommandDeps): ReturnCommands {
  const { db, identity } = deps;
  const timeZone = deps.timeZone ?? stationTimeZone();
  const rowOf = (record: ReturnRecord): ReturnRow => returnRowOf(record, identity);

  /** Sendcloud's returns made since `sinceMs`, newest first (at most MAX_PAGES pages of 40). */
  async function listedSince(accountId: string, sinceMs: number): Promise<Return[]> {
    const client = deps.accounts.client(accountId);
    const found: Return[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await client.listReturns({
        fromDate: sendcloudTime(sinceMs - RETURN_SLACK_MS),
        toDate: sendcloudTime(deps.clock.now() + RETURN_SLACK_MS),
        pageSize: 40,
        ...(cursor ? { cursor } : {}),
      });
      found.push(...answer.items);
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    return found;
  }

  async function adoptEarlier(
    accountId: string,
    request: CreateReturnRequest,
    sinceMs: number,
  ): Promise<Return | null> {
    const listed = await listedSince(accountId, sinceMs);
    const ids = listed.flatMap((found) => (typeof found.id === 'number' ? [found.id] : []));
    return earlierReturn(listed, request, sinceMs, knownReturnIds(db, ids));
  }

  /**
   * Make the return in Sendcloud once, whatever fails. Sendcloud is looked at first: a return of
   * this shipment an earlier try made (its answer lost, the station restarted since, another
   * station) is adopted, never made twice. `sinceMs`: when the outgoing label was made.
   */
  async function makeReturn(
    accountId: string,
    parcelId: number,
    request: CreateReturnRequest,
    sinceMs: number,
  ): Promise<{ returnId: number; returnParcelId: number | null; listed: Return | null }> {
    const adopted = (found: Return & { id: number }, why: string) => {
      log.info(`Adopted return ${found.id} of parcel ${parcelId}: ${why}.`);
      return { returnId: found.id, returnParcelId: returnParcelIdOf(found), listed: found };
    };
    const earlier = await adoptEarlier(accountId, request, sinceMs).catch((error: unknown) => {
      throw spoken(error);
    });
    if (earlier?.id) return adopted({ ...earlier, id: earlier.id }, 'made by an earlier try');
    const askedAt = deps.clock.now();
    try {
      const made = await deps.accounts.client(accountId).createReturn(request);
      return { returnId: made.returnId, returnParcelId: made.parcelId, listed: null };
    } catch (error) {
      if (!mayHaveMade(error)) throw spoken(error);
      let found: Return | null;
      try {
        found = await adoptEarlier(accountId, request, askedAt);
      } catch {
        // The next try looks first, as every try does.
        log.warn(`Return of parcel ${parcelId}: the answer was lost and the look-up failed.`);
        throw new AppError('offline', msg('returns.error.unsure'), { cause: error });
      }
      if (!found?.id) throw spoken(error);
      return adopted({ ...found, id: found.id }, 'its answer was lost');
    }
  }

  /** Print the return label on the label printer; the label is fetched once and kept. */
  async function printLabel(record: ReturnRecord): Promise<Message | null> {
    const target = deps.printers.printerFor('zpl-label') ?? deps.printers.printerFor('pdf-label');
    if (!target) return msg('returns.print.noPrinter');
    try {
      let bytes = record.label;
      if (bytes === null) {
        if (record.returnParcelId === null) return msg('returns.print.noLabel');
        const request = labelRequestFor(targetOf(target));
        bytes = await deps.accounts
          .client(record.accountId)
          .getParcelDocument(record.returnParcelId, 'label', {
            format: request.format === 'pdf' ? 'pdf' : 'zpl',
          });
        storeReturnLabel(db, record.returnId, bytes);
      }
      const format = labelFormatOf(bytes);
      const prepared = await prepareLabel(
        { bytes, format, dpi: format === 'zpl' ? NATIVE_ZPL_DPI : 72 },
        targetOf(target),
      );
      await deps.printers.inTurn(target.record.id, async () => {
        const status = deps.printers.noteStatus(target.record.id, await target.printer.status());
        assertReady(target.printer, status);
        await target.printer.send(prepared.bytes, {
          title: `Return ${record.trackingNumber ?? record.returnId}`,
          ...(prepared.media ? { media: prepared.media } : {}),
        });
      });
      markReturnPrinted(db, record.returnId, new Date(deps.clock.now()).toISOString());
      return null;
    } catch (error) {
      // The return is made and kept: the label can be printed again from the list.
      const { key, params } = spoken(error).toData();
      log.warn(`Return label ${record.returnId} not printed.`);
      return { key, params } as Message;
    }
  }

  async function create(input: {
    parcelId: number;
    delivery: 'label' | 'link';
  }): Promise<ReturnMade> {
    const shipment = shipmentRecord(db, input.parcelId);
    if (!shipment) {
      throw new AppError('order-not-found', msg('shipments.notFound', { parcel: input.parcelId }), {
        log: `No shipment ${input.parcelId} for a return.`,
      });
    }
    if (shipment.voidState === 'voided') {
      throw new AppError(
        'label-voided',
        msg('shipments.label.voided', { tracking: shipment.trackingNumber }),
        { log: `Return of voided label ${shipment.parcelId} refused.` },
      );
    }
    const kept = returnForParcel(db, input.parcelId);
    if (kept) return handOver(kept, input.delivery, true);

    const client = deps.accounts.client(shipment.accountId);
    const outgoing = await client.getShipment(shipment.shipmentId).catch((error: unknown) => {
      throw spoken(error);
    });
    const request = returnRequestFor(outgoing, shipment.parcelId, shipment.orderNumber);
    const made = await makeReturn(
      shipment.accountId,
      shipment.parcelId,
      request,
      Date.parse(shipment.createdAt),
    );
    // What Sendcloud lists of it: its tracking number and status (one read; unknown if it fails).
    const listed =
      made.listed ??
      (await listedSince(shipment.accountId, deps.clock.now())
        .then((items) => items.find((found) => found.id === made.returnId) ?? null)
        .catch(() => null));
    const actor = deps.actor();
    insertReturn(db, {
      returnId: made.returnId,
      parcelId: shipment.parcelId,
      returnParcelId: made.returnParcelId,
      orderNumber: shipment.orderNumber,
      accountId: shipment.accountId,
      status: listed ? parentStatusOf(listed) : 'announcing',
      trackingNumber: listed?.tracking_number ?? null,
      portalUrl: null,
      label: null,
      createdAt: new Date(deps.clock.now()).toISOString(),
      packerId: actor.packerId,
      stationId: actor.stationId,
    });
    log.info(`Return ${made.returnId} made for parcel ${shipment.parcelId}.`);
    return handOver(getReturn(db, made.returnId) ?? never(made.returnId), input.delivery, false);
  }

  /** Print the label, or fetch and keep the portal link: what the person chose. */
  async function handOver(
    record: ReturnRecord,
    delivery: 'label' | 'link',
    existing: boolean,
  ): Promise<ReturnMade> {
    let printProblem: Message | null = null;
    let noPortal = false;
    if (delivery === 'label' && !(existing && record.printedAt !== null)) {
      printProblem = await printLabel(record);
    }
    if (delivery === 'link' && record.portalUrl === null) {
      const shipment = shipmentRecord(db, record.parcelId);
      const url = shipment
        ? await deps.accounts
            .client(record.accountId)
            .getReturnPortalUrl(shipment.shipmentId)
            .catch((error: unknown) => {
              throw spoken(error);
            })
        : null;
      if (url) setReturnPortalUrl(db, record.returnId, url);
      noPortal = url === null;
    }
    const fresh = getReturn(db, record.returnId) ?? record;
    return { row: rowOf(fresh), existing, printProblem, noPortal };
  }

  async function print(returnId: number): Promise<ReturnMade> {
    const record = getReturn(db, returnId) ?? never(returnId);
    const printProblem = await printLabel(record);
    return {
      row: rowOf(getReturn(db, returnId) ?? record),
      existing: true,
      printProblem,
      noPortal: false,
    };
  }

  async function list(input: {
    from?: string | undefined;
    to?: string | undefined;
    refresh?: boolean | undefined;
  }): Promise<ReturnRow[]> {
    const to = input.to ?? localDayOf(deps.clock.now(), timeZone);
    const from = input.from ?? daysBefore(to, DEFAULT_RETURN_DAYS - 1);
    const range = localDayRange(from, to, timeZone);
    const records = returnsBetween(db, range.fromIso, range.toIso);
    if (input.refresh && records.length > 0) await refresh(records);
    return returnsBetween(db, range.fromIso, range.toIso).map(rowOf);
  }

  /** Sendcloud's latest status of each kept return, one list call per account. */
  async function refresh(records: readonly ReturnRecord[]): Promise<void> {
    const byAccount = new Map<string, ReturnRecord[]>();
    for (const record of records) {
      byAccount.set(record.accountId, [...(byAccount.get(record.accountId) ?? []), record]);
    }
    for (const [accountId, kept] of byAccount) {
      const oldest = Math.min(...kept.map((record) => Date.parse(record.createdAt)));
      const listed = await listedSince(accountId, oldest).catch((error: unknown) => {
        throw spoken(error);
      });
      for (const found of listed) {
        if (typeof found.id !== 'number' || !kept.some((r) => r.returnId === found.id)) continue;
        setReturnStatus(db, found.id, parentStatusOf(found), found.tracking_number ?? null);
      }
    }
  }

  function never(returnId: number): never {
    throw new AppError('order-not-found', msg('returns.error.notFound', { id: returnId }), {
      log: `No return ${returnId} at this station.`,
    });
  }

  return {
    'returns.create': (input) => create(input),
    'returns.print': ({ returnId }) => print(returnId),
    'returns.list': (input) => list(input),
  };
}
