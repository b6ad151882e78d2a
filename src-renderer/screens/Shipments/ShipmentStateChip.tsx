import type { ShipmentRow } from '../../../src-shared';
import { useSpeaker, type Speaker } from '../../i18n/messages';

/** Where a label stands, in a word; a reprinted one says how many times. */
export function stateWords(t: Speaker['t'], row: Pick<ShipmentRow, 'state' | 'reprints'>): string {
  return row.state === 'reprinted'
    ? t('ui.shipments.state.reprintedTimes', { count: row.reprints })
    : t(`ui.shipments.state.${row.state}`);
}

export function ShipmentStateChip({ row }: { row: Pick<ShipmentRow, 'state' | 'reprints'> }) {
  const { t } = useSpeaker();
  return (
    <span className={`state-chip shipment-state-${row.state}`} data-testid="shipment-state">
      {stateWords(t, row)}
    </span>
  );
}
