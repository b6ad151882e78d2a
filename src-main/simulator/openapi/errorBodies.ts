// Violations as the error bodies Sendcloud answers a 400 with (API.md section 2).
import type { Violation } from './types';

export interface V3ErrorItem {
  status: string;
  code: string;
  title?: string;
  detail: string;
  source?: { pointer?: string; parameter?: string };
}

export function v3Code(violation: Violation): string {
  switch (violation.keyword) {
    case 'required':
      return 'required';
    case 'null':
      return 'null';
    case 'enum':
    case 'const':
      return 'invalid_choice';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'unknown_field';
    case 'minimum':
    case 'exclusiveMinimum':
      return 'min_value';
    default:
      return 'invalid';
  }
}

export function v3ErrorBody(violations: Violation[]): { errors: V3ErrorItem[] } {
  return {
    errors: violations.map((violation) => {
      const item: V3ErrorItem = {
        status: '400',
        code: v3Code(violation),
        detail: violation.message,
      };
      if (violation.location === 'body') item.source = { pointer: violation.pointer };
      else if (violation.parameter !== undefined) item.source = { parameter: violation.parameter };
      return item;
    }),
  };
}

export function v2ErrorBody(
  violations: Violation[],
  requestPath: string,
): { error: { code: 400; request: string; message: string } } {
  const message = violations.map((v) => `${v2Field(v)}: '${v.message}'`).join(', ');
  return { error: { code: 400, request: requestPath.replace(/^\/+/, ''), message } };
}

/** DRF names the innermost field (`house_number`, not `parcel/house_number`). */
function v2Field(violation: Violation): string {
  if (violation.location !== 'body') return violation.parameter ?? 'non_field_errors';
  const names = violation.pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .filter((part) => !/^\d+$/.test(part));
  return names[names.length - 1] ?? 'non_field_errors';
}
