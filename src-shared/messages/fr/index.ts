// The catalogue, one file per area (see ../en/index.ts).
import { common } from './common';
import { errors } from './errors';
import { rules } from './rules';
import { sendcloud } from './sendcloud';
import { printing } from './printing';
import { accounts } from './accounts';
import { outbox } from './outbox';
import { scan } from './scan';
import { station } from './station';
import { packers } from './packers';
import { shipments } from './shipments';
import { day } from './day';
import { uiCommon } from './ui-common';
import { uiScan } from './ui-scan';
import { uiQueue } from './ui-queue';
import { uiPrinters } from './ui-printers';
import { uiAccounts } from './ui-accounts';
import { uiFrame } from './ui-frame';
import { voidLabel } from './void';
import { uiPackers } from './ui-packers';
import { uiShipments } from './ui-shipments';
import { uiDay } from './ui-day';
import { batch } from './batch';
import { uiBatch } from './ui-batch';
import { customs } from './customs';
import { servicePoints } from './service-points';
import { returns } from './returns';
import { boxes } from './boxes';
import { routing } from './routing';
import { warehouse } from './warehouse';
import { claims } from './claims';

export const fr = {
  ...common,
  ...errors,
  ...rules,
  ...sendcloud,
  ...printing,
  ...accounts,
  ...outbox,
  ...scan,
  ...station,
  ...packers,
  ...shipments,
  ...day,
  ...uiCommon,
  ...uiScan,
  ...uiQueue,
  ...uiPrinters,
  ...uiAccounts,
  ...uiFrame,
  ...voidLabel,
  ...uiPackers,
  ...uiShipments,
  ...uiDay,
  ...batch,
  ...uiBatch,
  ...customs,
  ...servicePoints,
  ...returns,
  ...boxes,
  ...routing,
  ...warehouse,
  ...claims,
};
