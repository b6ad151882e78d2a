// A label the station does not keep (found in Sendcloud, made in the panel or at another
// station) is fetched from Sendcloud's parcel documents once, then kept like one made here.
import { msg } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import { storeLabel, type Shipment } from '../store/shipments';

/** Carriers' native ZPL is 203 dpi; a label fetched as a document says nothing of its dpi. */
export const NATIVE_ZPL_DPI = 203 as const;

/** A label is what its bytes say it is; anything else never reaches a printer. */
export function labelFormatOf(bytes: Buffer): 'zpl' | 'pdf' {
  if (bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) return 'pdf';
  if (bytes.subarray(0, 4096).toString('latin1').includes('^XA')) return 'zpl';
  throw new AppError('label-invalid', msg('printer.label.unknownFormat'), {
    log: 'Sendcloud returned a label that is neither ZPL nor PDF.',
  });
}

export interface LabelBytes {
  bytes: Buffer;
  format: 'zpl' | 'pdf';
  dpi: number;
}

/**
 * The shipment's label: the stored bytes, or Sendcloud's document in the format asked for (a
 * label first made as native ZPL comes back as ZPL whatever is asked), stored for next time.
 */
export async function labelOf(
  deps: { db: Db; accounts: Pick<Accounts, 'client'> },
  shipment: Shipment,
  format: 'zpl' | 'pdf',
): Promise<LabelBytes> {
  if (shipment.label !== null) {
    return {
      bytes: shipment.label,
      format: shipment.labelFormat === 'pdf' ? 'pdf' : 'zpl',
      dpi: shipment.labelDpi,
    };
  }
  const bytes = await deps.accounts
    .client(shipment.accountId)
    .getParcelDocument(shipment.parcelId, 'label', { format });
  const actual = labelFormatOf(bytes);
  const label = { bytes, format: actual, dpi: actual === 'zpl' ? NATIVE_ZPL_DPI : 72 };
  storeLabel(deps.db, shipment.parcelId, label);
  return label;
}
