// Keyboard movement in the Day screen's tables.
/** Arrow keys move between a table's rows (each row is focusable), Home and End to its ends. */
export function moveBetweenRows(event: React.KeyboardEvent<HTMLTableSectionElement>): void {
  const rows = [...event.currentTarget.querySelectorAll<HTMLTableRowElement>('tr[tabindex]')];
  const at = rows.indexOf(document.activeElement as HTMLTableRowElement);
  if (at < 0) return;
  const next =
    event.key === 'ArrowDown'
      ? at + 1
      : event.key === 'ArrowUp'
        ? at - 1
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? rows.length - 1
            : null;
  if (next === null) return;
  event.preventDefault();
  rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus();
}
