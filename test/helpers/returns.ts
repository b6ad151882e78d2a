import type { AllowedViolation } from './contract';

/** The return portal's 404 as v3-shipments.yaml's own example gives it, which its schema refuses. */
export const RETURN_PORTAL_404: AllowedViolation = {
  direction: 'response',
  method: 'GET',
  path: /^\/api\/v3\/shipments\/[^/]+\/return-portal-url$/,
  status: 404,
  message: /^Input should be a valid list$/,
  reason:
    'v3-shipments.yaml types the 404 body as the `errors` array, yet its own ReturnPortalNotFound example is an object {errors: [...]}, as every v3 error is.',
};
