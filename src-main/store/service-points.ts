// Pick-up points in the store: the point a shipment goes to (shipments.service_point, JSON), and
// whether an account lets a packer ship a point's order home instead (a setting, default off).
import type { ServicePointView } from '../../src-shared';
import { statement, type Db } from './db';
import { readSetting, writeSetting } from './settings';

export function saveShipmentPoint(db: Db, parcelId: number, point: ServicePointView): void {
  statement(db, 'UPDATE shipments SET service_point = @point WHERE parcel_id = @parcelId').run({
    parcelId,
    point: JSON.stringify(point),
  });
}

export function shipmentPoint(db: Db, parcelId: number): ServicePointView | null {
  const row = statement(db, 'SELECT service_point FROM shipments WHERE parcel_id = @parcelId').get({
    parcelId,
  }) as { service_point: string | null } | undefined;
  return row?.service_point ? (JSON.parse(row.service_point) as ServicePointView) : null;
}

const homeDeliveryKey = (accountId: string) => `servicePoints.homeDelivery:${accountId}`;

export function homeDeliveryAllowed(db: Db, accountId: string): boolean {
  return readSetting(db, homeDeliveryKey(accountId)) === 'true';
}

export function allowHomeDelivery(db: Db, accountId: string, allowed: boolean): void {
  writeSetting(db, homeDeliveryKey(accountId), allowed ? 'true' : 'false');
}
