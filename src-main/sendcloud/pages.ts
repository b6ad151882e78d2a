// Pagination for both generations: v3 pages through a `Link` header, v2 (and v3 returns) through
// `next`/`previous` URLs in the body. Both carry an opaque `cursor` query parameter.
import { SendcloudServerError } from './errors';
import { nextPage } from './link';
import { requestIdOf, type JsonResponse } from './sender';

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The cursor of the `rel="next"` link, or null on the last page. */
export function linkCursor(response: JsonResponse<unknown>, root: string): string | null {
  const next = nextPage(response.headers.get('link'), root);
  if (next.kind === 'no-cursor') {
    // Treating this as the last page would silently drop items from a sync.
    throw new SendcloudServerError('Sendcloud sent a next-page link without a cursor.', {
      status: response.status,
      requestId: requestIdOf(response.headers),
    });
  }
  return next.kind === 'next' ? next.cursor : null;
}

/** The `cursor` of a body's `next` URL, or null when there is none. */
export function urlCursor(
  next: string | null | undefined,
  root: string,
  response: JsonResponse<unknown>,
): string | null {
  if (!next) return null;
  let cursor: string | null;
  try {
    cursor = new URL(next, root).searchParams.get('cursor');
  } catch {
    cursor = null;
  }
  if (!cursor) {
    throw new SendcloudServerError('Sendcloud sent a next-page URL without a cursor.', {
      status: response.status,
      requestId: requestIdOf(response.headers),
    });
  }
  return cursor;
}

/** Walk every page from the first, refusing a cursor that comes back (a loop, not a list). */
export async function collectAll<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  what: string,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    if (seen.has(page.nextCursor)) {
      throw new SendcloudServerError(`Sendcloud sent the same ${what} page cursor twice.`);
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

/** A query from optional values: undefined is left out, arrays are comma-joined. */
export function query(
  params: Record<string, string | number | boolean | (string | number)[] | undefined | null>,
): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  return search;
}
