// The texts Sendcloud answers with, per ajv keyword: DRF wording for required/choices/limits,
// pydantic wording for types, as in the official error examples.
import type { ErrorObject } from 'ajv/dist/2020.js';

const TYPE_NAMES: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  array: 'list',
  object: 'dictionary',
  null: 'null',
};

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'Enter a valid email address.',
  uri: 'Enter a valid URL.',
  url: 'Enter a valid URL.',
  uuid: 'Must be a valid UUID.',
  date: 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.',
  'date-time':
    'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
  time: 'Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]].',
  decimal: 'A valid number is required.',
  int32: 'A valid integer is required.',
  int64: 'A valid integer is required.',
};

export const REQUIRED_MESSAGE = 'This field is required.';

export function describeError(error: ErrorObject): string {
  const params: Record<string, unknown> = error.params;
  const limit = String(params.limit ?? '');
  switch (error.keyword) {
    case 'required':
      return REQUIRED_MESSAGE;
    case 'type':
      if (error.data === null) return 'This field may not be null.';
      return `Input should be a valid ${typeName(String(params.type ?? ''))}`;
    case 'enum':
    case 'const':
      return `${quote(error.data)} is not a valid choice.`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'Extra inputs are not permitted';
    case 'minimum':
      return `Ensure this value is greater than or equal to ${limit}.`;
    case 'exclusiveMinimum':
      return `Ensure this value is greater than ${limit}.`;
    case 'maximum':
      return `Ensure this value is less than or equal to ${limit}.`;
    case 'exclusiveMaximum':
      return `Ensure this value is less than ${limit}.`;
    case 'minLength':
      return error.data === ''
        ? 'This field cannot be blank.'
        : `Ensure this field has at least ${limit} characters.`;
    case 'maxLength':
      return `Ensure this field has no more than ${limit} characters.`;
    case 'minItems':
      return `Ensure this field has at least ${limit} elements.`;
    case 'maxItems':
      return `Ensure this field has no more than ${limit} elements.`;
    case 'minProperties':
    case 'maxProperties':
      return `Ensure this object has ${error.keyword === 'minProperties' ? 'at least' : 'no more than'} ${limit} keys.`;
    case 'uniqueItems':
      return 'The list items must be unique.';
    case 'pattern':
      return 'This value does not match the required pattern.';
    case 'format':
      return FORMAT_MESSAGES[String(params.format)] ?? `Enter a valid ${String(params.format)}.`;
    case 'multipleOf':
      return `Ensure this value is a multiple of ${String(params.multipleOf)}.`;
    case 'oneOf':
      return 'Input matches more than one of the allowed shapes.';
    case 'false schema':
      return 'This field is not allowed.';
    default:
      return 'Invalid input.';
  }
}

function typeName(types: string): string {
  const first = types.split(',').find((t) => t !== 'null') ?? types;
  return TYPE_NAMES[first] ?? first;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : `"${JSON.stringify(value)}"`;
}
