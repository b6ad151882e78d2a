// A scan that failed on its pick-up point: the open points offered instead, the packer's pick,
// and the per-account setting that allows home delivery in their place.
import type { AppErrorData, ServicePointOffers } from '../../../src-shared';
import type { SliceContext } from './context';

export type PointOffersState =
  | { kind: 'loading'; orderNumber: string }
  | { kind: 'ready'; orderNumber: string; offers: ServicePointOffers }
  | { kind: 'failed'; orderNumber: string; error: AppErrorData };

export type PointChoice = { servicePointId: number } | { homeDelivery: true };

export interface ServicePointsSlice {
  pointOffers: PointOffersState | null;
  /** The pick sent last, until the scan moves on; its error when the station refused it. */
  pointChoosing: { orderNumber: string; error: AppErrorData | null } | null;
  loadPointOffers(orderNumber: string): Promise<void>;
  choosePoint(orderNumber: string, choice: PointChoice): Promise<boolean>;
  /** Per account: may a service-point order ship home when its point is closed. */
  homeDelivery: Record<string, boolean>;
  loadHomeDelivery(accountId: string): Promise<void>;
  setHomeDelivery(accountId: string, allowed: boolean): Promise<void>;
}

export function servicePointsSlice(ctx: SliceContext): ServicePointsSlice {
  const { api, set, get } = ctx;
  return {
    pointOffers: null,
    pointChoosing: null,
    async loadPointOffers(orderNumber) {
      set({ pointOffers: { kind: 'loading', orderNumber }, pointChoosing: null });
      const result = await api.servicePoints.offers({ orderNumber });
      // A later scan's offers may have been asked for meanwhile: keep those.
      if (get().pointOffers?.orderNumber !== orderNumber) return;
      set({
        pointOffers: result.ok
          ? { kind: 'ready', orderNumber, offers: result.value }
          : { kind: 'failed', orderNumber, error: result.error },
      });
    },
    async choosePoint(orderNumber, choice) {
      set({ pointChoosing: { orderNumber, error: null } });
      const result = await api.servicePoints.choose({ orderNumber, ...choice });
      set({ pointChoosing: { orderNumber, error: result.ok ? null : result.error } });
      return result.ok;
    },
    homeDelivery: {},
    async loadHomeDelivery(accountId) {
      const result = await api.servicePoints.homeDelivery({ accountId });
      if (result.ok)
        set({ homeDelivery: { ...get().homeDelivery, [accountId]: result.value.allowed } });
    },
    async setHomeDelivery(accountId, allowed) {
      const result = await api.servicePoints.setHomeDelivery({ accountId, allowed });
      if (result.ok)
        set({ homeDelivery: { ...get().homeDelivery, [accountId]: result.value.allowed } });
    },
  };
}
