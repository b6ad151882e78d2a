import type { Route } from '../../http';
import { accountRoutes } from './account';
import { documentRoutes } from './documents';
import { orderRoutes } from './orders';
import { returnRoutes } from './returns';
import { servicePointRoutes } from './service-points';
import { shipAnOrderRoutes } from './ship-an-order';
import { shipmentRoutes } from './shipments';
import { shippingOptionRoutes } from './shipping-options';
import { trackingRoutes } from './tracking';

export const v3Routes: readonly Route[] = [
  ...orderRoutes,
  ...shipAnOrderRoutes,
  ...shipmentRoutes,
  ...documentRoutes,
  ...shippingOptionRoutes,
  ...accountRoutes,
  ...trackingRoutes,
  ...returnRoutes,
  ...servicePointRoutes,
];
