// Content-type matching against an OpenAPI `content` map (exact, then `type/*`, then `*/*`).
import { isObject, type JsonObject } from './types';

export function normalizeMediaType(contentType: string | undefined): string | undefined {
  const bare = contentType?.split(';')[0]?.trim().toLowerCase();
  return bare ? bare : undefined;
}

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** The key of `content` that serves `mediaType`, or undefined. Without a media type: JSON first. */
export function findMediaType(
  content: JsonObject,
  mediaType: string | undefined,
): string | undefined {
  const keys = Object.keys(content);
  if (mediaType === undefined) {
    return keys.find((k) => isJsonMediaType(normalizeMediaType(k) ?? '')) ?? keys[0];
  }
  const exact = keys.find((k) => normalizeMediaType(k) === mediaType);
  if (exact !== undefined) return exact;
  const family = `${mediaType.split('/')[0] ?? ''}/*`;
  return keys.find((k) => normalizeMediaType(k) === family) ?? keys.find((k) => k === '*/*');
}

export function schemaOf(content: JsonObject, key: string): JsonObject | null {
  const media = content[key];
  return isObject(media) && isObject(media.schema) ? media.schema : null;
}
