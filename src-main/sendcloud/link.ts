// RFC 8288 `Link` header parsing, for v3 pagination (`rel="next"` / `rel="prev"`).

/** Every link of a `Link` header by relation type; the first link of a relation wins. */
export function parseLinkHeader(header: string | null | undefined): Map<string, string> {
  const links = new Map<string, string>();
  if (!header) return links;
  // A link is `<uri>` followed by `; param=value` pairs; links are separated by commas, which
  // may also occur inside the `<uri>`, so match whole links rather than splitting on commas.
  const linkPattern = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,\s]*))?)*)/g;
  for (const match of header.matchAll(linkPattern)) {
    const uri = match[1] ?? '';
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(params);
    const relValue = rel?.[1] ?? rel?.[2];
    if (!relValue) continue;
    // `rel` may hold several space-separated relation types.
    for (const type of relValue.toLowerCase().split(/\s+/)) {
      if (type && !links.has(type)) links.set(type, uri);
    }
  }
  return links;
}

export type NextPage = { kind: 'last' } | { kind: 'next'; cursor: string } | { kind: 'no-cursor' };

/**
 * Where the `rel="next"` link of a v3 list points. `no-cursor` means there is a next link
 * without a `cursor` query parameter, which the client must not mistake for the last page.
 */
export function nextPage(header: string | null | undefined, base = 'http://localhost'): NextPage {
  const next = parseLinkHeader(header).get('next');
  if (next === undefined) return { kind: 'last' };
  let cursor: string | null;
  try {
    cursor = new URL(next, base).searchParams.get('cursor');
  } catch {
    return { kind: 'no-cursor' };
  }
  return cursor ? { kind: 'next', cursor } : { kind: 'no-cursor' };
}
