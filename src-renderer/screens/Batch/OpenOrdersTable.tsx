import { memo, useMemo, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { BatchSortField, OpenOrderRow } from '../../../src-shared';
import { carrierName } from '../../../src-shared/carriers';
import type { MessageKey } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
import { moveKeys, moveSelection, type MoveKey } from '../../state/shipments';
import { useStation } from '../../state/station';
import { useBurstGate } from '../shared/useBurstGate';
import { ROW_HEIGHT, useVirtualRows } from '../shared/useVirtualRows';

const rowId = (ref: string) => `batch-row-${ref}`;

const Row = memo(function Row({
  row,
  chosen,
  cursor,
  top,
  day,
  servicePoint,
  onClick,
}: {
  row: OpenOrderRow;
  chosen: boolean;
  cursor: boolean;
  top: number;
  day: (iso: string | null) => string;
  servicePoint: string;
  onClick: (ref: string, event: MouseEvent) => void;
}) {
  return (
    <div
      id={rowId(row.orderRef)}
      role="row"
      aria-selected={chosen}
      className={`shipments-row batch-row${chosen ? ' chosen' : ''}${cursor ? ' cursor' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => onClick(row.orderRef, event)}
      data-testid="batch-row"
      data-order-ref={row.orderRef}
      data-order-number={row.orderNumber}
      data-cursor={cursor}
    >
      <span role="gridcell" className="batch-check" aria-hidden="true">
        {chosen ? '☑' : '☐'}
      </span>
      <span role="gridcell">
        <strong>{row.orderNumber}</strong>
      </span>
      <span role="gridcell">{day(row.orderedAt)}</span>
      <span role="gridcell">{row.name ?? '–'}</span>
      <span role="gridcell" className="muted">
        {row.merchantName ?? row.accountName}
      </span>
      <span role="gridcell" className="shipments-two">
        <span>{row.carrier ? carrierName(row.carrier) : '–'}</span>
        <span className="muted">{row.shippingOptionName ?? row.shippingOptionCode ?? ''}</span>
      </span>
      <span role="gridcell">
        {row.country ?? '–'}
        {row.servicePoint && <span className="batch-sp">{servicePoint}</span>}
      </span>
      <span role="gridcell" className="mono">
        {row.firstSku ?? '–'}
      </span>
    </div>
  );
});

const columns: { label: MessageKey; sort: BatchSortField | null }[] = [
  { label: 'ui.batch.column.chosen', sort: null },
  { label: 'ui.batch.column.order', sort: 'order-number' },
  { label: 'ui.batch.column.date', sort: 'order-date' },
  { label: 'ui.batch.column.name', sort: null },
  { label: 'ui.batch.column.shop', sort: null },
  { label: 'ui.batch.column.option', sort: 'shipping-option' },
  { label: 'ui.batch.column.country', sort: 'country' },
  { label: 'ui.batch.column.sku', sort: 'first-sku' },
];

/**
 * The open orders as a grid that renders only the rows in view. The arrows, Page Up/Down, Home
 * and End move; with Shift they choose the range; Space chooses one; Ctrl/Cmd+A chooses every
 * row shown; Enter starts the batch. A click chooses one, Shift+click a range.
 */
export function OpenOrdersTable({
  rows,
  gridRef,
  busy,
  empty,
  onStart,
}: {
  rows: OpenOrderRow[];
  gridRef: RefObject<HTMLDivElement | null>;
  busy: boolean;
  empty: string;
  onStart: () => void;
}) {
  const selection = useStation((s) => s.batchSelection);
  const cursor = useStation((s) => s.batchCursor);
  const sort = useStation((s) => s.batchListSort);
  const move = useStation((s) => s.moveBatchCursor);
  const toggle = useStation((s) => s.toggleBatchOrder);
  const range = useStation((s) => s.selectBatchRange);
  const all = useStation((s) => s.selectAllShown);
  const sortBy = useStation((s) => s.sortOpenOrders);
  const { t, say, language } = useSpeaker();
  const chosen = useMemo(() => new Set(selection), [selection]);
  const day = useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
    return (iso: string | null) => {
      const at = iso ? Date.parse(iso) : NaN;
      return Number.isNaN(at) ? '–' : format.format(at);
    };
  }, [language]);
  const servicePoint = t('ui.batch.servicePoint');
  const { virtualizer, index } = useVirtualRows(rows, gridRef, (row) => row.orderRef, cursor);

  // Space chooses only once it is a person's key, not a scanner's (a code with a space in it).
  const gate = useBurstGate();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      all();
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (gate.inBurst(event)) return;
    if (moveKeys.includes(event.key)) {
      event.preventDefault();
      const page = Math.floor((gridRef.current?.clientHeight ?? 0) / ROW_HEIGHT);
      const row = rows[moveSelection(index, event.key as MoveKey, rows.length, page)];
      if (row) move(row.orderRef, event.shiftKey);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      onStart();
      return;
    }
    const row = rows[index];
    if (event.key !== ' ' || !row) return;
    event.preventDefault();
    gate.later(() => toggle(row.orderRef));
  };

  const onClick = (ref: string, event: MouseEvent): void => {
    if (event.shiftKey) range(ref);
    else toggle(ref);
    gridRef.current?.focus();
  };

  return (
    <div className="shipments-table batch-table" data-testid="batch-table" data-count={rows.length}>
      <div className="shipments-row shipments-header batch-row" role="presentation">
        {columns.map((column) =>
          column.sort ? (
            <button
              key={column.label}
              type="button"
              className="batch-sort"
              aria-sort={
                sort.field === column.sort
                  ? sort.direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : 'none'
              }
              onClick={() => sortBy(column.sort as BatchSortField)}
              data-testid={`batch-sort-${column.sort}`}
              data-direction={sort.field === column.sort ? sort.direction : undefined}
            >
              {say({ key: column.label, params: {} })}
              {sort.field === column.sort && (
                <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span>
              )}
            </button>
          ) : column.label === 'ui.batch.column.chosen' ? (
            <span key={column.label}>
              <span className="visually-hidden">{say({ key: column.label, params: {} })}</span>
            </span>
          ) : (
            <span key={column.label}>{say({ key: column.label, params: {} })}</span>
          ),
        )}
      </div>
      <div
        ref={gridRef}
        className="shipments-scroll batch-scroll"
        role="grid"
        aria-label={t('ui.batch.title')}
        aria-multiselectable="true"
        aria-rowcount={rows.length}
        aria-busy={busy}
        aria-activedescendant={index >= 0 && cursor !== null ? rowId(cursor) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          // The keyboard lands on a row, not on nothing.
          if (index < 0 && rows[0]) move(rows[0].orderRef, false);
        }}
        data-testid="batch-grid"
      >
        {rows.length === 0 ? (
          <p className="shipments-empty" data-testid="batch-empty">
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
                  chosen={chosen.has(row.orderRef)}
                  cursor={row.orderRef === cursor}
                  day={day}
                  servicePoint={servicePoint}
                  onClick={onClick}
                />
              ) : null;
            })}
          </div>
        )}
      </div>
      <p className="shipments-keys muted">{t('ui.batch.keys')}</p>
    </div>
  );
}
