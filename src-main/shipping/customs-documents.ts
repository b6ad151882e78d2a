// A customs label's documents: recorded with the label (same transaction), then one `documents`
// job fetches each (customs declaration, air waybill where the carrier gives one), keeps the
// bytes, and prints them on the A4 route in the copies the carrier needs, through the same
// printer-truth rule as labels. No A4 printer: the job waits, visibly, and is never dropped.
import { PDFDocument } from 'pdf-lib';
import { msg } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import type { Connectivity } from '../outbox/connectivity';
import { OFFLINE_RETRY_MS, resultOfFailure, type JobResult, type Outbox } from '../outbox/outbox';
import { classifyFailure, waitingReason } from '../outbox/policy';
import type { PrinterRegistry } from '../printing/registry';
import type { Db } from '../store/db';
import { newJob, type Job } from '../store/jobs';
import type { CachedOrder } from '../store/orders';
import { readSetting, writeSetting } from '../store/settings';
import {
  addShipmentDocument,
  markShipmentDocumentsPrinted,
  shipmentDocuments,
  storeShipmentDocument,
  type ShipmentDocumentType,
} from '../store/shipment-documents';
import { findShipmentByParcel, voidStateOf, type Shipment } from '../store/shipments';
import { needsCustoms } from './customs';
import { createPrintOnce } from './print-once';

const log = createLogger('customs-documents');

const COPIES_KEY = 'customs.copies';
const DOCUMENT_TYPES: readonly ShipmentDocumentType[] = ['customs-declaration', 'air-waybill'];

/** Copies of the customs documents per carrier code; a carrier not named prints 1. */
export function customsCopies(db: Db): Record<string, number> {
  const stored = readSetting(db, COPIES_KEY);
  return stored ? (JSON.parse(stored) as Record<string, number>) : {};
}

export function setCustomsCopies(db: Db, carrier: string, copies: number): Record<string, number> {
  const next = { ...customsCopies(db), [carrier]: copies };
  if (copies === 1) delete next[carrier];
  writeSetting(db, COPIES_KEY, JSON.stringify(next));
  return next;
}

/**
 * The documents a new label needs: those Sendcloud's answer lists besides the label, else (a
 * label adopted from an earlier try, whose answer was lost) the declaration to outside the EU.
 */
export function documentsNeeded(
  countryCode: string | null,
  answered: readonly string[] | null,
): ShipmentDocumentType[] {
  if (answered) {
    return DOCUMENT_TYPES.filter((type) => answered.includes(type));
  }
  return needsCustoms(countryCode) ? ['customs-declaration'] : [];
}

/**
 * Inside the transaction that finishes the label: the parcel's document rows and the job that
 * prints them. A label finished again (a restart after it was stored) adds nothing.
 */
export function recordCustomsDocuments(
  deps: { db: Db; clock: Clock; newId: () => string; outbox: Outbox },
  label: {
    job: Job;
    order: CachedOrder;
    shipment: Shipment;
    answered: readonly string[] | null;
  },
): void {
  const { db } = deps;
  const { job, order, shipment } = label;
  const types = documentsNeeded(order.countryCode, label.answered);
  if (types.length === 0 || shipmentDocuments(db, shipment.parcelId).length > 0) return;
  const copies = customsCopies(db)[shipment.carrier] ?? 1;
  for (const type of types) addShipmentDocument(db, { parcelId: shipment.parcelId, type, copies });
  deps.outbox.enqueue(
    newJob('documents', deps.newId(), deps.clock.now(), {
      parentId: job.id,
      orderRef: order.id,
      orderNumber: order.orderNumber,
      code: job.code,
      parcelId: shipment.parcelId,
      accountId: shipment.accountId,
      packerId: job.packerId,
      stationId: job.stationId,
    }),
  );
}

/** All documents in their copies as one A4 PDF: one send, so the job is sent once or not at all. */
async function oneFile(documents: { bytes: Buffer; copies: number }[]): Promise<Uint8Array> {
  const [only] = documents;
  if (only && documents.length === 1 && only.copies === 1) return only.bytes;
  const merged = await PDFDocument.create();
  for (const document of documents) {
    const source = await PDFDocument.load(document.bytes);
    for (let copy = 0; copy < document.copies; copy += 1) {
      const pages = await merged.copyPages(source, source.getPageIndices());
      for (const page of pages) merged.addPage(page);
    }
  }
  return merged.save();
}

export interface CustomsDocumentsDeps {
  db: Db;
  clock: Clock;
  accounts: Accounts;
  printers: PrinterRegistry;
  connectivity: Connectivity;
  random?: () => number;
  onShipmentChanged?: (parcelId: number) => void;
}

export function createCustomsDocuments(deps: CustomsDocumentsDeps) {
  const random = deps.random ?? Math.random;
  const printing = createPrintOnce(deps);
  const iso = () => new Date(deps.clock.now()).toISOString();

  function failed(job: Job, error: unknown): JobResult {
    const { kind, error: data } = classifyFailure(error);
    if (kind === 'offline') deps.connectivity.unreachable(data);
    else if (kind === 'transient') deps.connectivity.reached();
    return resultOfFailure(job, kind, data, waitingReason(kind, data), random);
  }

  /** Fetch what is not kept yet; Sendcloud serves customs documents as PDF, on A4. */
  async function fetchMissing(shipment: Shipment): Promise<number> {
    const started = performance.now();
    const client = deps.accounts.client(shipment.accountId);
    for (const document of shipmentDocuments(deps.db, shipment.parcelId)) {
      if (document.bytes) continue;
      const bytes = await client.getParcelDocument(shipment.parcelId, document.type, {
        format: 'pdf',
        paperSize: 'A4',
      });
      deps.connectivity.reached();
      storeShipmentDocument(deps.db, {
        parcelId: shipment.parcelId,
        type: document.type,
        bytes,
        fetchedAt: iso(),
      });
    }
    return Math.round(performance.now() - started);
  }

  async function run(job: Job): Promise<JobResult> {
    const shipment = job.parcelId !== null ? findShipmentByParcel(deps.db, job.parcelId) : null;
    if (!shipment || voidStateOf(deps.db, shipment.parcelId) === 'voided') {
      // The label is gone (voided): its customs papers have nothing to go with.
      return { type: 'done' };
    }
    let fetchMs: number;
    try {
      fetchMs = await fetchMissing(shipment);
    } catch (error) {
      return failed(job, error);
    }
    const waiting = shipmentDocuments(deps.db, shipment.parcelId).filter((d) => !d.printedAt);
    if (waiting.length === 0) return { type: 'done' };
    const target = deps.printers.printerFor('a4-document');
    if (!target) {
      return {
        type: 'defer',
        event: {
          type: 'defer',
          error: { code: 'printer-offline', ...msg('customs.documents.error.noA4') },
          reason: msg('customs.documents.waitForA4'),
          delayMs: OFFLINE_RETRY_MS,
        },
      };
    }
    try {
      const file = await oneFile(
        waiting.map((document) => ({
          bytes: document.bytes ?? Buffer.alloc(0),
          copies: document.copies,
        })),
      );
      const printerMs = await deps.printers.inTurn(target.record.id, () =>
        printing.sendOnce(target, job, file, {
          title: `Customs ${shipment.trackingNumber}`,
          media: 'A4',
        }),
      );
      markShipmentDocumentsPrinted(deps.db, shipment.parcelId, iso());
      log.info('customs documents printed', {
        job: job.id,
        parcel: shipment.parcelId,
        documents: waiting.length,
        fetchMs,
        printerMs,
      });
      deps.onShipmentChanged?.(shipment.parcelId);
      return { type: 'done' };
    } catch (error) {
      return failed(job, error);
    }
  }

  return { run };
}
