// A grid of one-line rows that renders only those in view, and keeps the row the keyboard is on
// in view when a look-up, a scan or a click puts it elsewhere.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';

/** Every row is one line high, so the virtualiser never measures. */
export const ROW_HEIGHT = 40;

export function useVirtualRows<R>(
  rows: readonly R[],
  scrollRef: RefObject<HTMLDivElement | null>,
  keyOf: (row: R) => string | number,
  current: string | number | null,
) {
  // The compiler leaves this hook unmemoised, as TanStack Virtual needs: the rows are memo'd.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : keyOf(row);
    },
  });
  const index = current === null ? -1 : rows.findIndex((row) => keyOf(row) === current);

  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [index, virtualizer]);

  return { virtualizer, index };
}
