// What the next order's label takes (boxes, a one-off option), as main says it: set by a command
// barcode or a key, shown on the scan screen until a label uses it or it is cleared.
import type { AppErrorData, Message, NextScan } from '../../../src-shared';
import type { SliceContext } from './context';

export interface NextLabelSlice {
  nextScan: NextScan;
  /** Why the last change was refused; cleared by the next change. */
  nextScanError: AppErrorData | null;
  /** Boxes that went to the last scan's waiting order instead: said until the next change. */
  nextScanApplied: Message | null;
  /** The small number field for the boxes is open. */
  boxesFieldOpen: boolean;
  loadNextScan(): Promise<void>;
  /** Boxes for the next label (1 or null: one box). True when main took it. */
  setNextBoxes(boxes: number | null): Promise<boolean>;
  /** Back to one box and the rules' option. */
  clearNextScan(): Promise<void>;
  openBoxesField(): void;
  closeBoxesField(): void;
}

export function onNextScanPushed(ctx: SliceContext, next: NextScan): void {
  ctx.set({ nextScan: next });
}

export function nextLabelSlice(ctx: SliceContext): NextLabelSlice {
  const apply = async (change: Parameters<SliceContext['api']['scan']['setNext']>[0]) => {
    const result = await ctx.api.scan.setNext(change);
    if (result.ok) {
      const { applied, ...next } = result.value;
      ctx.set({ nextScan: next, nextScanError: null, nextScanApplied: applied });
    } else ctx.set({ nextScanError: result.error, nextScanApplied: null });
    return result.ok;
  };
  return {
    nextScan: { boxes: null, optionCode: null },
    nextScanError: null,
    nextScanApplied: null,
    boxesFieldOpen: false,

    async loadNextScan() {
      const result = await ctx.api.scan.next({});
      if (result.ok) ctx.set({ nextScan: result.value });
    },

    async setNextBoxes(boxes) {
      const ok = await apply({ boxes });
      if (ok) ctx.set({ boxesFieldOpen: false });
      return ok;
    },

    async clearNextScan() {
      await apply({ boxes: null, optionCode: null });
    },

    openBoxesField() {
      ctx.set({ boxesFieldOpen: true, nextScanError: null, nextScanApplied: null });
    },

    closeBoxesField() {
      ctx.set({ boxesFieldOpen: false });
    },
  };
}
