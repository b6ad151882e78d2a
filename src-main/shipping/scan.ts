import type { ScanEntry } from '../../src-preload/contract';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { LabelPrinter } from '../printing/printer';
import type { SendcloudClient } from '../sendcloud/client';
import type { Db } from '../store/db';
import { recordScan } from '../store/audit';
import { findOrderByCode, upsertOrders, type CachedOrder } from '../store/orders';
import {
  findShipmentByTracking,
  findShipmentForOrder,
  insertShipment,
  markPrinted,
  type Shipment,
} from '../store/shipments';
import { describeFailure } from './failures';
import { toCachedOrder } from './orders';

export interface ScanServiceDeps {
  db: Db;
  sendcloud: () => SendcloudClient;
  printer: LabelPrinter;
  /** The integration whose orders this station ships, once known. */
  integrationId: () => number | null;
  now: () => Date;
  newId: () => string;
  /** Push a scan's progress to whoever listens (the renderer). */
  onUpdate: (entry: ScanEntry) => void;
}

const log = createLogger('scan');

/** Thermal labels are ZPL at the resolution of nearly every carrier's native label. */
const LABEL_FORMAT = 'zpl' as const;
const LABEL_DPI = 203 as const;

/**
 * Scan-to-ship: a scanned code becomes a printed label, or a clear reason why not.
 * Every step is written to the audit log before the renderer hears of it.
 */
export function createScanService(deps: ScanServiceDeps) {
  // Two scans of one order at once must not make two labels.
  const inFlightOrders = new Set<string>();

  const update = (entry: ScanEntry, patch: Partial<ScanEntry>): ScanEntry => {
    Object.assign(entry, patch);
    recordScan(deps.db, entry);
    deps.onUpdate({ ...entry });
    return entry;
  };

  async function printShipment(entry: ScanEntry, shipment: Shipment): Promise<void> {
    update(entry, { step: `Printing on ${deps.printer.name}` });
    await deps.printer.print(shipment.label);
    markPrinted(deps.db, shipment.parcelId, deps.now().toISOString());
  }

  async function resolveOrder(entry: ScanEntry, code: string): Promise<CachedOrder> {
    const cached = findOrderByCode(deps.db, code);
    if (cached) return cached;
    // Not synced yet (a new order, or the cache is cold): ask Sendcloud once.
    update(entry, { step: 'Asking Sendcloud for the order' });
    const integrationId = deps.integrationId();
    const page = await deps.sendcloud().listOrders({
      orderNumber: code,
      ...(integrationId !== null ? { integrationIds: [integrationId] } : {}),
      pageSize: 5,
    });
    const found = page.orders.map(toCachedOrder);
    if (found.length > 0) upsertOrders(deps.db, found, deps.now().toISOString());
    const order = found[0];
    if (!order) {
      throw new AppError(
        'order-not-found',
        `No open order matches "${code}". Check the order number, or sync orders.`,
      );
    }
    return order;
  }

  async function labelOrder(entry: ScanEntry, order: CachedOrder): Promise<void> {
    update(entry, { orderNumber: order.orderNumber, step: 'Checking for an existing label' });
    const existing = findShipmentForOrder(deps.db, order.id);
    if (existing?.printedAt) {
      throw new AppError(
        'already-labelled',
        `Order ${order.orderNumber} already has a label (${existing.trackingNumber}). Scan the tracking number to reprint it.`,
      );
    }
    let shipment = existing;
    if (!shipment) {
      update(entry, { step: 'Creating the label with Sendcloud' });
      const created = await deps.sendcloud().createLabelSync({
        integrationId: order.integrationId,
        order: { orderId: order.orderId },
        format: LABEL_FORMAT,
        dpi: LABEL_DPI,
      });
      assertLooksLikeZpl(created.label.bytes);
      shipment = {
        parcelId: created.parcelId,
        shipmentId: created.shipmentId,
        orderRef: order.id,
        orderNumber: order.orderNumber,
        trackingNumber: created.trackingNumber,
        trackingUrl: created.trackingUrl,
        carrier: created.carrier,
        label: created.label.bytes,
        labelFormat: LABEL_FORMAT,
        labelDpi: created.label.dpi,
        createdAt: deps.now().toISOString(),
        printedAt: null,
        printCount: 0,
      };
      insertShipment(deps.db, shipment);
    }
    update(entry, { trackingNumber: shipment.trackingNumber, carrier: shipment.carrier });
    await printShipment(entry, shipment);
  }

  async function scan(rawCode: string): Promise<ScanEntry> {
    const code = rawCode.trim();
    const entry: ScanEntry = {
      id: deps.newId(),
      code,
      state: 'working',
      step: 'Looking up the scan',
      orderNumber: null,
      trackingNumber: null,
      carrier: null,
      error: null,
      startedAt: deps.now().toISOString(),
      finishedAt: null,
      reprint: false,
    };
    update(entry, {});
    let lockedOrder: string | null = null;
    try {
      const labelled = findShipmentByTracking(deps.db, code);
      if (labelled) {
        update(entry, {
          reprint: true,
          orderNumber: labelled.orderNumber,
          trackingNumber: labelled.trackingNumber,
          carrier: labelled.carrier,
        });
        await printShipment(entry, labelled);
      } else {
        const order = await resolveOrder(entry, code);
        if (inFlightOrders.has(order.id)) {
          throw new AppError(
            'already-labelled',
            `Order ${order.orderNumber} is being labelled by another scan right now.`,
          );
        }
        inFlightOrders.add(order.id);
        lockedOrder = order.id;
        await labelOrder(entry, order);
      }
      return update(entry, {
        state: 'printed',
        step: entry.reprint ? 'Reprinted' : 'Printed',
        finishedAt: deps.now().toISOString(),
      });
    } catch (error) {
      const data = describeFailure(error);
      if (data.code === 'internal') log.error('scan failed unexpectedly', { error });
      else log.info('scan failed', { code: data.code, scan: entry.id });
      return update(entry, {
        state: 'failed',
        step: 'Failed',
        error: data,
        finishedAt: deps.now().toISOString(),
      });
    } finally {
      if (lockedOrder) inFlightOrders.delete(lockedOrder);
    }
  }

  return { scan };
}

function assertLooksLikeZpl(bytes: Buffer): void {
  const text = bytes.subarray(0, 4096).toString('latin1');
  if (bytes.length === 0 || !text.includes('^XA')) {
    throw new AppError(
      'label-invalid',
      'Sendcloud returned a label that is not ZPL. Nothing was sent to the printer.',
    );
  }
}
