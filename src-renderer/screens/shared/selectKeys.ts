import type { KeyboardEvent } from 'react';
import { isTypeaheadKey } from '../../state/printers';

/** `onKeyDown` for the set-up's selects: no first-letter picking (see `isTypeaheadKey`). */
export function blockTypeahead(event: KeyboardEvent<HTMLSelectElement>): void {
  if (isTypeaheadKey(event.key, event.ctrlKey || event.altKey || event.metaKey)) {
    event.preventDefault();
  }
}
