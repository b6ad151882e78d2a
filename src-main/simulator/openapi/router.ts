// Finds the operation for a method + path. Paths are resolved first and methods second, like
// Sendcloud's router: a literal segment beats a template, so `/orders/create-label-sync` is
// never read as `/orders/{id}`, whatever the method.
import type { OperationEntry } from './documents';
import type { ApiVersion } from './types';

type Segment = { literal: string } | { pattern: RegExp; names: string[] };

interface Route {
  segments: Segment[];
  /** One entry per method; the first document registered for a method wins. */
  methods: Map<string, OperationEntry>;
}

export interface RouteMatch {
  entry: OperationEntry;
  pathParams: Record<string, string>;
}

export class Router {
  private readonly routes = new Map<ApiVersion, Map<string, Route>>();

  add(entry: OperationEntry): void {
    const byShape = this.routes.get(entry.version) ?? new Map<string, Route>();
    this.routes.set(entry.version, byShape);
    // Same shape with different parameter names (`{id}` vs `{parcel_id}`) is the same route.
    const shape = entry.pathTemplate.replace(/\{[^}]*\}/g, '{}').replace(/\/$/, '');
    const route = byShape.get(shape) ?? {
      segments: parseTemplate(entry.pathTemplate),
      methods: new Map(),
    };
    byShape.set(shape, route);
    if (!route.methods.has(entry.method)) route.methods.set(entry.method, entry);
  }

  match(version: ApiVersion, method: string, path: string): RouteMatch | null {
    const found = this.resolvePath(version, path);
    const entry = found?.route.methods.get(method.toUpperCase());
    if (!found || !entry) return null;
    return { entry, pathParams: paramsFor(entry.pathTemplate, found.parts) };
  }

  pathExists(version: ApiVersion, path: string): boolean {
    return this.resolvePath(version, path) !== null;
  }

  entries(): OperationEntry[] {
    return [...this.routes.values()].flatMap((byShape) =>
      [...byShape.values()].flatMap((route) => [...route.methods.values()]),
    );
  }

  private resolvePath(version: ApiVersion, path: string): { route: Route; parts: string[] } | null {
    const parts = splitPath(path);
    if (!parts) return null;
    let best: { route: Route; rank: number[] } | null = null;
    for (const route of this.routes.get(version)?.values() ?? []) {
      const rank = rankMatch(route.segments, parts);
      if (rank && (!best || compareRanks(rank, best.rank) > 0)) best = { route, rank };
    }
    return best ? { route: best.route, parts } : null;
  }
}

function splitPath(path: string): string[] | null {
  const bare = path.split('?')[0] ?? '';
  const trimmed = bare.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return [];
  try {
    return trimmed.split('/').map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}

function parseTemplate(template: string): Segment[] {
  const parts = template.replace(/^\/+/, '').replace(/\/+$/, '');
  if (parts === '') return [];
  return parts.split('/').map((part): Segment => {
    if (!part.includes('{')) return { literal: part };
    const names: string[] = [];
    const source = part
      .split(/(\{[^}]*\})/)
      .map((piece) => {
        const name = /^\{([^}]*)\}$/.exec(piece)?.[1];
        if (name === undefined) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        return '(.+)';
      })
      .join('');
    return { pattern: new RegExp(`^${source}$`), names };
  });
}

/** Per segment: 2 for a literal, 1 for a template, or null when the path does not fit. */
function rankMatch(segments: Segment[], parts: string[]): number[] | null {
  if (segments.length !== parts.length) return null;
  const rank: number[] = [];
  for (const [index, segment] of segments.entries()) {
    const part = parts[index] ?? '';
    if ('literal' in segment) {
      if (segment.literal !== part) return null;
      rank.push(2);
    } else {
      if (part === '' || !segment.pattern.test(part)) return null;
      rank.push(1);
    }
  }
  return rank;
}

function compareRanks(a: number[], b: number[]): number {
  for (const [index, value] of a.entries()) {
    const other = b[index] ?? 0;
    if (value !== other) return value - other;
  }
  return 0;
}

function paramsFor(template: string, parts: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  const segments = parseTemplate(template);
  for (const [index, segment] of segments.entries()) {
    if ('literal' in segment) continue;
    const found = segment.pattern.exec(parts[index] ?? '');
    segment.names.forEach((name, i) => {
      const value = found?.[i + 1];
      if (value !== undefined) params[name] = value;
    });
  }
  return params;
}
