// The Scan screen's commands: a scan, the last scans, an order sync on demand, a label's preview.
import { msg, type LabelPreview, type StationStatus } from '../../src-shared';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import type { Outbox } from '../outbox/outbox';
import { previewLabel } from '../printing/formats';
import { recentScans } from '../store/audit';
import type { Db } from '../store/db';
import type { Job } from '../store/jobs';
import { findShipmentByTracking } from '../store/shipments';
import type { NextScanState } from './command-codes';
import type { ScanService } from './scan';
import { scanEntryOf } from './scan-view';

type ScanCommands = Pick<
  CommandHandlers,
  'scan.submit' | 'scan.recent' | 'scan.next' | 'scan.setNext' | 'orders.sync' | 'label.preview'
>;

export function scanCommands(deps: {
  db: Db;
  scans: ScanService;
  next: NextScanState;
  outbox: Outbox;
  requestSync: () => Job;
  status: () => StationStatus;
}): ScanCommands {
  const { db } = deps;

  async function preview(trackingNumber: string): Promise<LabelPreview> {
    const shipment = findShipmentByTracking(db, trackingNumber);
    if (!shipment) {
      throw new AppError(
        'order-not-found',
        msg('station.label.notFound', { tracking: trackingNumber }),
      );
    }
    if (shipment.label === null) {
      throw new AppError(
        'label-not-stored',
        msg('station.label.notStored', { tracking: trackingNumber }),
      );
    }
    const format = shipment.labelFormat === 'pdf' ? 'pdf' : 'zpl';
    const png = await previewLabel({ bytes: shipment.label, format, dpi: shipment.labelDpi });
    return { trackingNumber, format, pngBase64: png.toString('base64') };
  }

  return {
    'scan.submit': async ({ code }) => deps.scans.scan(code),
    'scan.recent': async ({ limit }) => recentScans(db, limit).map(scanEntryOf),
    'scan.next': async () => deps.next.current(),
    'scan.setNext': async ({ boxes, optionCode }) => {
      const current = deps.next.current();
      const next = deps.next.set({
        boxes: boxes === undefined ? current.boxes : boxes === 1 ? null : boxes,
        optionCode: optionCode === undefined ? current.optionCode : optionCode,
      });
      return { ...next, applied: deps.next.said?.() ?? null };
    },
    'orders.sync': async () => {
      await deps.outbox.settled(deps.requestSync().id);
      return deps.status();
    },
    'label.preview': async ({ trackingNumber }) => preview(trackingNumber),
  };
}
