// v3 parcel statuses (the codes a parcel moves through) and the tracking of one parcel.
import type { Sender } from '../sender';
import {
  parcelStatusListSchema,
  parcelTrackingSchema,
  type ParcelStatus,
  type ParcelTracking,
} from './schemas';

export function trackingApi(sender: Sender) {
  return {
    async listParcelStatuses(): Promise<ParcelStatus[]> {
      const { data } = await sender.json(parcelStatusListSchema, {
        method: 'GET',
        path: '/parcels/statuses',
      });
      return data.data;
    },

    /** An unknown tracking number answers 404 `{"detail": "Parcel does not exist"}`. */
    async getParcelTracking(trackingNumber: string): Promise<ParcelTracking> {
      const { data } = await sender.json(parcelTrackingSchema, {
        method: 'GET',
        path: `/parcels/tracking/${encodeURIComponent(trackingNumber)}`,
      });
      return data;
    },
  };
}
