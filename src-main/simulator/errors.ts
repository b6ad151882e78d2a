// The v3 error bodies the simulator answers with, copied from the official spec examples.
import { STATUS_CODES } from 'node:http';

export interface V3Error {
  status: string | number;
  code: string;
  title?: string;
  detail: string;
  source?: { pointer?: string; parameter?: string; header?: string };
}

export const v3Errors = {
  invalidCredentials: {
    status: '401',
    code: 'authentication_failed',
    title: 'Invalid username/password.',
    detail:
      'The username or password provided is incorrect. Please make a request with the valid credentials.',
  },
  noCredentials: {
    status: '401',
    code: 'authentication_failed',
    title: 'No credentials',
    detail: 'Authentication credentials were not provided.',
  },
  pageNotFound: {
    status: '404',
    code: 'not_found',
    title: 'Not found',
    detail: 'The page you have requested could not be found.',
  },
  orderNotFound: {
    status: '404',
    code: 'not_found',
    title: 'Not found',
    detail: 'The order could not be found with the search criteria given',
  },
  invalidCursor: {
    status: '404',
    title: 'Invalid cursor',
    code: 'not_found',
    detail: 'Invalid cursor',
  },
  parcelNotFound: {
    code: 'not_found',
    status: '404',
    detail: 'No Parcel matches the given query.',
  },
  documentNotAvailable: {
    code: 'not_found',
    status: '404',
    detail: 'Document type requested is not available for the parcel',
  },
  invalidDocumentType: { code: 'invalid', status: '400', detail: 'Invalid document type.' },
  shipmentNotFound: {
    status: '404',
    code: 'not_found',
    title: 'Not found',
    detail: 'No Shipment matches the given query.',
  },
  // v3-shipments.yaml's ReturnPortalNotFound example.
  noReturnPortal: {
    status: '404',
    code: 'not_found',
    detail: 'No return portal is configured for this shipment.',
  },
  alreadyCancelled: {
    status: '409',
    code: 'invalid',
    detail: 'This shipment is already being cancelled.',
  },
  shippedNotCancellable: {
    status: '409',
    code: 'invalid',
    detail: 'Shipped parcels, or parcels being shipped, can no longer be cancelled.',
  },
  tooOldToCancel: {
    status: '409',
    code: 'invalid',
    detail: 'Parcels can no longer be cancelled 42 days after they were announced.',
  },
  trackingNotFound: {
    status: '404',
    code: 'not_found',
    title: 'Not found',
    detail: 'No parcel matches the given tracking number.',
  },
  // The only documented 429 body; its status is a number, unlike every other example.
  rateLimited: {
    code: 'hit_rate_limit',
    detail: 'Rate limit exceeded: 100 per 1 minute',
    title: 'Rate limit exceeded',
    status: 429,
  },
} satisfies Record<string, V3Error>;

/** The body an injected failure answers with: the documented one where the spec has one. */
export function errorForStatus(status: number): V3Error {
  switch (status) {
    case 401:
      return v3Errors.invalidCredentials;
    case 404:
      return v3Errors.pageNotFound;
    case 429:
      return v3Errors.rateLimited;
    default: {
      const title = STATUS_CODES[status] ?? 'Error';
      return {
        status: String(status),
        code: status >= 500 ? 'server_error' : 'invalid',
        title,
        detail: status >= 500 ? 'A server error occurred.' : title,
      };
    }
  }
}

export const invalidParameter = (parameter: string, detail: string, code = 'invalid'): V3Error => ({
  status: '400',
  code,
  title: code === 'invalid_choice' ? 'Invalid Choice' : 'Invalid',
  detail,
  source: { parameter },
});

export const invalidField = (pointer: string, detail: string, code = 'invalid'): V3Error => ({
  status: '400',
  code,
  title: code === 'required' ? 'Field required' : 'Invalid',
  detail,
  source: { pointer },
});
