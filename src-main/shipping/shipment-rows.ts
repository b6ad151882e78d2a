// A shipment as the Shipments screen's row shows it: its state worked out from what the station
// and Sendcloud said of it.
import type { ShipmentRow, ShipmentState, TrackingStatus } from '../../src-shared';
import { trackingStatuses } from '../../src-shared';
import type { StationIdentity } from '../station/identity';
import type { ShipmentListRecord } from '../store/shipment-list';

export function shipmentStateOf(
  record: Pick<ShipmentListRecord, 'voidState' | 'trackingStatus' | 'reprintCount' | 'printedAt'>,
): ShipmentState {
  if (record.voidState === 'voided' || record.trackingStatus === 'cancelled') return 'voided';
  if (record.voidState === 'requested') return 'void-requested';
  if (record.trackingStatus === 'returned') return 'returned';
  if (record.reprintCount > 0) return 'reprinted';
  if (record.printedAt !== null) return 'printed';
  return 'made';
}

const isTrackingStatus = (value: string | null): value is TrackingStatus =>
  value !== null && (trackingStatuses as readonly string[]).includes(value);

export function shipmentRowOf(record: ShipmentListRecord, station: StationIdentity): ShipmentRow {
  return {
    parcelId: record.parcelId,
    shipmentId: record.shipmentId,
    orderNumber: record.orderNumber,
    recipientName: record.recipientName,
    recipientPostcode: record.recipientPostcode,
    carrier: record.carrier,
    shippingOption: record.shippingOptionCode
      ? {
          code: record.shippingOptionCode,
          name: record.shippingOptionName ?? record.shippingOptionCode,
        }
      : null,
    trackingNumber: record.trackingNumber,
    trackingUrl: record.trackingUrl,
    state: shipmentStateOf(record),
    reprints: record.reprintCount,
    packer:
      record.packerId !== null
        ? { id: record.packerId, name: record.packerName ?? record.packerId }
        : null,
    stationName: record.stationId === station.id ? station.name : null,
    createdAt: record.createdAt,
    accountId: record.accountId,
    merchantId: record.merchantId,
    source: record.source,
    trackingStatus: isTrackingStatus(record.trackingStatus) ? record.trackingStatus : null,
    trackingStatusText: record.trackingStatusText,
    cost:
      record.costValue !== null
        ? { value: record.costValue, currency: record.costCurrency ?? 'EUR' }
        : null,
    ...((record.colloCount ?? 1) > 1
      ? { collo: { nr: record.colloNr ?? 1, count: record.colloCount ?? 1 } }
      : {}),
  };
}
