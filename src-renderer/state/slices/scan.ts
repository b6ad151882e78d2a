// The scan screen: the last scans, the scan the big panel follows, and the label preview.
import type { AppErrorData, LabelPreview, ScanEntry } from '../../../src-shared';
import { mergeScans, recentLimit, startedAtMs, type CurrentScan } from '../scans';
import type { SliceContext } from './context';

export type PreviewState =
  | { kind: 'loading'; trackingNumber: string }
  | { kind: 'ready'; preview: LabelPreview }
  | { kind: 'failed'; trackingNumber: string; error: AppErrorData };

export interface ScanSlice {
  scans: ScanEntry[];
  recentError: AppErrorData | null;
  current: CurrentScan | null;
  preview: PreviewState | null;
  submitScan(code: string): Promise<void>;
  showPreview(trackingNumber: string): Promise<void>;
  closePreview(): void;
}

/** Scan panel tokens: the scan the panel follows is the one with the newest token. */
export interface ScanTokens {
  next(): number;
}

export function createScanTokens(): ScanTokens {
  let token = 0;
  return { next: () => (token += 1) };
}

export async function loadRecent(ctx: SliceContext): Promise<void> {
  const result = await ctx.api.scan.recent({ limit: recentLimit });
  if (result.ok) ctx.set({ scans: mergeScans(ctx.get().scans, result.value), recentError: null });
  else ctx.set({ recentError: result.error });
}

export function onScanUpdated(ctx: SliceContext, tokens: ScanTokens, entry: ScanEntry): void {
  const { scans, current } = ctx.get();
  const known = scans.some((scan) => scan.id === entry.id);
  const newest = scans[0];
  let next = current;
  if (current?.kind === 'entry' && current.id === entry.id) {
    next = { ...current, entry };
  } else if (!known && current?.kind === 'pending' && entry.code === current.code) {
    // The host reported progress before our submit call returned: follow it now.
    next = { kind: 'entry', token: current.token, id: entry.id, entry };
  } else if (
    !known &&
    current?.kind !== 'pending' &&
    entry.state === 'working' &&
    (!newest || startedAtMs(entry) >= startedAtMs(newest))
  ) {
    // A scan that started elsewhere (another window on this station) takes the panel; an old
    // queued scan the outbox is draining does not.
    next = { kind: 'entry', token: tokens.next(), id: entry.id, entry };
  }
  ctx.set({ scans: mergeScans(scans, [entry]), current: next });
}

export function scanSlice(ctx: SliceContext, tokens: ScanTokens): ScanSlice {
  return {
    scans: [],
    recentError: null,
    current: null,
    preview: null,

    async submitScan(raw) {
      const code = raw.trim();
      if (!code) return;
      const mine = tokens.next();
      // A new scan: what the boxes did for the last one has been read.
      ctx.set({ current: { kind: 'pending', token: mine, code }, nextScanApplied: null });
      const result = await ctx.api.scan.submit({ code });
      const { current, scans } = ctx.get();
      const stillMine = current !== null && current.token === mine;
      if (result.ok && result.value.signIn) {
        // A badge: it signed a packer in (session.changed follows) and is no scan to list.
        if (stillMine) ctx.set({ current: null });
        void ctx.get().loadSession();
      } else if (result.ok) {
        const entry = result.value;
        ctx.set({
          scans: mergeScans(scans, [entry]),
          ...(stillMine ? { current: { kind: 'entry', token: mine, id: entry.id, entry } } : {}),
        });
      } else if (stillMine) {
        ctx.set({ current: { kind: 'rejected', token: mine, code, error: result.error } });
      }
    },

    async showPreview(trackingNumber) {
      ctx.set({ preview: { kind: 'loading', trackingNumber } });
      const result = await ctx.api.label.preview({ trackingNumber });
      const shown = ctx.get().preview;
      // The packer may have closed it or opened another label meanwhile.
      if (shown?.kind !== 'loading' || shown.trackingNumber !== trackingNumber) return;
      ctx.set({
        preview: result.ok
          ? { kind: 'ready', preview: result.value }
          : { kind: 'failed', trackingNumber, error: result.error },
      });
    },

    closePreview() {
      ctx.set({ preview: null });
    },
  };
}
