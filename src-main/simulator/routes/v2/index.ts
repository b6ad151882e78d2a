import type { Route } from '../../http';
import { v2AccountRoutes } from './account';
import { v2LabelRoutes } from './labels';
import { v2ParcelRoutes } from './parcels';

export const v2Routes: readonly Route[] = [...v2ParcelRoutes, ...v2LabelRoutes, ...v2AccountRoutes];
