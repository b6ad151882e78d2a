import type { Simulator } from '../../src-main/simulator/index';

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty or binary body. */
  json: unknown;
  bytes: Buffer;
}

export interface RawApi {
  request(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<RawResponse>;
  get(path: string, headers?: Record<string, string>): Promise<RawResponse>;
  post(path: string, body?: unknown): Promise<RawResponse>;
}

export const basicAuth = (publicKey: string, secretKey: string) =>
  `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString('base64')}`;

/** Plain fetch against the simulator, so these tests do not depend on our Sendcloud client. */
export function rawApi(sim: Simulator, keys = sim.keys): RawApi {
  const request: RawApi['request'] = async (method, path, options = {}) => {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        Authorization: basicAuth(keys.publicKey, keys.secretKey),
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return {
      status: response.status,
      headers: response.headers,
      json:
        isJson && bytes.length > 0 ? (JSON.parse(bytes.toString('utf8')) as unknown) : undefined,
      bytes,
    };
  };
  return {
    request,
    get: (path, headers) => request('GET', path, headers ? { headers } : {}),
    post: (path, body) => request('POST', path, { body }),
  };
}
