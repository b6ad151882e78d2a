import { describe, expect, it } from 'vitest';
import { v2ErrorBody, v3ErrorBody, type Violation } from './index';

const missingName: Violation = {
  location: 'body',
  pointer: '/to_address/name',
  keyword: 'required',
  message: 'This field is required.',
};
const blankHouseNumber: Violation = {
  location: 'body',
  pointer: '/parcel/house_number',
  keyword: 'minLength',
  message: 'This field cannot be blank.',
};
const pageSize: Violation = {
  location: 'query',
  pointer: '',
  parameter: 'page_size',
  keyword: 'minimum',
  message: 'Ensure this value is greater than or equal to 1.',
};

describe('v3ErrorBody', () => {
  it('maps keywords to Sendcloud codes, with body pointers and parameter names as the source', () => {
    expect(v3ErrorBody([missingName, pageSize])).toEqual({
      errors: [
        {
          status: '400',
          code: 'required',
          detail: 'This field is required.',
          source: { pointer: '/to_address/name' },
        },
        {
          status: '400',
          code: 'min_value',
          detail: 'Ensure this value is greater than or equal to 1.',
          source: { parameter: 'page_size' },
        },
      ],
    });
  });

  it.each([
    ['type', 'invalid'],
    ['enum', 'invalid_choice'],
    ['const', 'invalid_choice'],
    ['additionalProperties', 'unknown_field'],
    ['minimum', 'min_value'],
    ['null', 'null'],
    ['maxLength', 'invalid'],
    ['format', 'invalid'],
  ])('maps %s to %s', (keyword, code) => {
    expect(v3ErrorBody([{ ...missingName, keyword }]).errors[0]?.code).toBe(code);
  });
});

describe('v2ErrorBody', () => {
  it("joins field: 'reason' pairs, naming the innermost field", () => {
    expect(v2ErrorBody([blankHouseNumber, pageSize], 'api/v2/parcels')).toEqual({
      error: {
        code: 400,
        request: 'api/v2/parcels',
        message:
          "house_number: 'This field cannot be blank.', page_size: 'Ensure this value is greater than or equal to 1.'",
      },
    });
  });

  it('names whole-body problems non_field_errors and strips the leading slash of the path', () => {
    const body: Violation = {
      location: 'body',
      pointer: '',
      keyword: 'type',
      message: 'Invalid data.',
    };
    expect(v2ErrorBody([body], '/api/v2/parcels').error).toEqual({
      code: 400,
      request: 'api/v2/parcels',
      message: "non_field_errors: 'Invalid data.'",
    });
  });
});
