import { memo, useMemo, type KeyboardEvent, type RefObject } from 'react';
import { type ShipmentRow } from '../../../src-shared';
import { carrierName } from '../../../src-shared/carriers';
import { useSpeaker } from '../../i18n/messages';
import { moveKeys, moveSelection, type MoveKey } from '../../state/shipments';
import { useStation } from '../../state/station';
import { useBurstGate } from '../shared/useBurstGate';
import { ROW_HEIGHT, useVirtualRows } from '../shared/useVirtualRows';
import type { DetailsIntent } from './ShipmentDetailsPanel';
import { stateWords } from './ShipmentStateChip';

const rowId = (parcelId: number) => `shipment-row-${parcelId}`;

/** The words every row uses, made once per language rather than once per row. */
interface RowWords {
  time: (iso: string) => string;
  state: (row: ShipmentRow) => string;
  fromSendcloud: string;
  elsewhere: string;
}

function useRowWords(): RowWords {
  const { t, language } = useSpeaker();
  return useMemo(() => {
    // One formatter for every row: toLocaleString builds a new one on each call.
    const format = new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    return {
      time: (iso) => {
        const at = Date.parse(iso);
        return Number.isNaN(at) ? '–' : format.format(at);
      },
      state: (row) => stateWords(t, row),
      fromSendcloud: t('ui.shipments.fromSendcloud'),
      elsewhere: t('ui.shipments.elsewhere'),
    };
  }, [t, language]);
}

const Row = memo(function Row({
  row,
  selected,
  top,
  words,
  onOpen,
}: {
  row: ShipmentRow;
  selected: boolean;
  top: number;
  words: RowWords;
  onOpen: (parcelId: number, intent: DetailsIntent) => void;
}) {
  return (
    <div
      id={rowId(row.parcelId)}
      role="row"
      aria-selected={selected}
      className={`shipments-row${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(row.parcelId, null)}
      data-testid="shipments-row"
      data-parcel-id={row.parcelId}
      data-state={row.state}
    >
      <span role="gridcell">{words.time(row.createdAt)}</span>
      <span role="gridcell" className="shipments-order">
        <strong>{row.orderNumber}</strong>
        {row.source === 'sendcloud' && (
          <span className="shipments-source">{words.fromSendcloud}</span>
        )}
      </span>
      <span role="gridcell" className="shipments-two">
        <span>{row.recipientName ?? '–'}</span>
        <span className="muted">{row.recipientPostcode ?? ''}</span>
      </span>
      <span role="gridcell" className="shipments-two">
        <span>{carrierName(row.carrier)}</span>
        <span className="muted">{row.shippingOption?.name ?? ''}</span>
      </span>
      <span role="gridcell" className="mono">
        {row.trackingNumber}
      </span>
      <span role="gridcell">
        <span className={`state-chip shipment-state-${row.state}`} data-testid="shipment-state">
          {words.state(row)}
        </span>
      </span>
      <span role="gridcell">{row.packer?.name ?? '–'}</span>
      <span role="gridcell" className="muted">
        {row.stationName ?? words.elsewhere}
      </span>
    </div>
  );
});

/**
 * The shipments as a grid that renders only the rows in view. Focus stays on the grid; the
 * arrows, Page Up/Down, Home and End move the selection, Enter opens the details, R reprints and
 * V voids the selected shipment.
 */
export function ShipmentsTable({
  rows,
  tableRef,
  busy,
  complete,
  empty,
  onOpen,
}: {
  rows: ShipmentRow[];
  tableRef: RefObject<HTMLDivElement | null>;
  busy: boolean;
  /** Every row of the days asked is here (not only the first page). */
  complete: boolean;
  empty: string;
  onOpen: (parcelId: number, intent: DetailsIntent) => void;
}) {
  const selected = useStation((s) => s.selectedShipment);
  const select = useStation((s) => s.selectShipment);
  const { t } = useSpeaker();
  const words = useRowWords();
  const { virtualizer, index } = useVirtualRows(rows, tableRef, (row) => row.parcelId, selected);

  const gate = useBurstGate();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (gate.inBurst(event)) return;
    if (moveKeys.includes(event.key)) {
      event.preventDefault();
      const page = Math.floor((tableRef.current?.clientHeight ?? 0) / ROW_HEIGHT);
      const next = moveSelection(index, event.key as MoveKey, rows.length, page);
      const row = rows[next];
      if (row) select(row.parcelId);
      return;
    }
    const row = rows[index];
    if (!row) return;
    const intent: DetailsIntent | undefined = {
      Enter: null,
      r: 'reprint' as const,
      R: 'reprint' as const,
      v: 'void' as const,
      V: 'void' as const,
      t: 'return' as const,
      T: 'return' as const,
    }[event.key];
    if (intent === undefined) return;
    event.preventDefault();
    if (intent === null) {
      onOpen(row.parcelId, intent);
      return;
    }
    gate.later(() => onOpen(row.parcelId, intent));
  };

  return (
    <div
      className="shipments-table"
      data-testid="shipments-table"
      data-count={rows.length}
      data-complete={complete}
    >
      <div className="shipments-row shipments-header" role="presentation">
        <span>{t('ui.shipments.column.time')}</span>
        <span>{t('ui.shipments.column.order')}</span>
        <span>{t('ui.shipments.column.recipient')}</span>
        <span>{t('ui.shipments.column.carrier')}</span>
        <span>{t('ui.shipments.column.tracking')}</span>
        <span>{t('ui.shipments.column.state')}</span>
        <span>{t('ui.shipments.column.packer')}</span>
        <span>{t('ui.shipments.column.station')}</span>
      </div>
      <div
        ref={tableRef}
        className="shipments-scroll"
        role="grid"
        aria-label={t('ui.shipments.title')}
        aria-rowcount={rows.length}
        aria-busy={busy}
        aria-activedescendant={index >= 0 && selected !== null ? rowId(selected) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          // The keyboard lands on a row, not on an empty selection.
          if (index < 0 && rows[0]) select(rows[0].parcelId);
        }}
        data-testid="shipments-grid"
      >
        {rows.length === 0 ? (
          <p className="shipments-empty" data-testid="shipments-empty">
            {empty}
          </p>
        ) : (
          <div className="shipments-rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              return row ? (
                <Row
                  key={item.key}
                  row={row}
                  top={item.start}
                  selected={row.parcelId === selected}
                  words={words}
                  onOpen={onOpen}
                />
              ) : null;
            })}
          </div>
        )}
      </div>
      <p className="shipments-keys muted">
        {t('ui.shipments.keys')} · {t('ui.returns.keyHint')}
      </p>
    </div>
  );
}
