// OpenAPI 3.0 and 3.1 constructs, on small documents written for the purpose.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/tmp';
import { loadSpecs, type ApiVersion, type SpecSet } from './index';

const { dir, cleanup } = tempDir('packdesk-openapi-');
afterAll(cleanup);

const v31 = {
  openapi: '3.1.0',
  servers: [{ url: 'https://panel.sendcloud.sc/api/v3' }],
  paths: {
    '/things-with-extra': {
      put: {
        requestBody: {
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/thing-with-extra' } },
          },
        },
        responses: { '204': { description: 'Done' } },
      },
    },
    '/things': {
      post: {
        'x-mint': { content: 'docs' },
        parameters: [
          {
            name: 'X-Station',
            in: 'header',
            required: true,
            schema: { type: 'string', minLength: 3 },
          },
          { name: 'Accept', in: 'header', required: true, schema: { type: 'string' } },
          { name: 'flag', in: 'query', schema: { type: 'boolean' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' } } },
        },
        responses: {
          '201': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' } } },
          },
          '2XX': {
            content: { 'application/json': { schema: { type: 'object', required: ['ok'] } } },
          },
          default: {
            content: { 'application/json': { schema: { type: 'object', required: ['oops'] } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      thing: {
        type: 'object',
        xml: { name: 'thing' },
        examples: [{ id: 1 }],
        required: ['id', 'secret', 'kind', 'tag'],
        properties: {
          id: { type: 'integer', readOnly: true },
          secret: { $ref: '#/components/schemas/secret' },
          kind: { const: 'box' },
          tag: { type: ['string', 'null'] },
          pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
          children: { type: 'array', items: { $ref: '#/components/schemas/thing' } },
          ship_with: {
            oneOf: [
              { $ref: '#/components/schemas/by-code' },
              { $ref: '#/components/schemas/by-contract' },
            ],
            discriminator: { propertyName: 'type', mapping: { code: '#/components/schemas/0' } },
          },
        },
      },
      secret: { type: 'string', writeOnly: true },
      // Requires `id` (readOnly, declared by the base) and `extra` through an allOf member.
      'thing-with-extra': {
        allOf: [{ $ref: '#/components/schemas/thing' }, { required: ['id', 'extra'] }],
      },
      'by-code': {
        type: 'object',
        required: ['type', 'code'],
        properties: { type: { const: 'code' }, code: { type: 'string' } },
        additionalProperties: false,
      },
      'by-contract': {
        type: 'object',
        required: ['type', 'contract_id'],
        properties: { type: { const: 'contract' }, contract_id: { type: 'integer' } },
        additionalProperties: false,
      },
    },
  },
};

const v30 = {
  openapi: '3.0.3',
  servers: [{ url: 'https://panel.sendcloud.sc/api/v2' }],
  paths: {
    '/gadgets/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      put: {
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Gadget' } } },
        },
        responses: { '200': { description: 'OK' } },
      },
    },
  },
  components: {
    schemas: {
      Gadget: {
        type: 'object',
        example: { weight: 1 },
        properties: {
          note: { type: 'string', nullable: true },
          colour: { type: 'string', enum: ['red', 'blue'], nullable: true },
          weight: { type: 'number', minimum: 0, exclusiveMinimum: true },
          size: { type: 'number', maximum: 10, exclusiveMaximum: false },
          owner: { $ref: '#/components/schemas/Owner' },
        },
      },
      Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    },
  },
};

mkdirSync(join(dir, 'sendcloud-dev'));
mkdirSync(join(dir, 'toppynl-merged'));
writeFileSync(join(dir, 'sendcloud-dev', 'v3-things.yaml'), JSON.stringify(v31));
writeFileSync(join(dir, 'toppynl-merged', 'v2-openapi.json'), JSON.stringify(v30));
const specs: SpecSet = loadSpecs(dir);

function post(
  body: unknown,
  headers: Record<string, string> = { 'x-station': 'desk' },
  query = '',
) {
  const op = specs.match('v3', 'POST', '/things');
  if (!op) throw new Error('no /things');
  return specs.validateRequest(op, { query: new URLSearchParams(query), headers, body });
}

function put(version: ApiVersion, path: string, body: unknown) {
  const op = specs.match(version, 'PUT', path);
  if (!op) throw new Error(`no ${path}`);
  return specs.validateRequest(op, { query: new URLSearchParams(), headers: {}, body });
}

const thing = { secret: 's', kind: 'box', tag: null };

describe('OpenAPI 3.1 documents', () => {
  it('does not require readOnly properties in requests, nor writeOnly ones in responses', () => {
    expect(post(thing)).toEqual([]);
    const op = specs.match('v3', 'POST', '/things');
    if (!op) throw new Error('no /things');
    const response = { id: 1, kind: 'box', tag: 'x' };
    expect(specs.validateResponse(op, { status: 201, body: response })).toEqual([]);
    expect(specs.validateResponse(op, { status: 201, body: { kind: 'box', tag: 'x' } })).toEqual([
      { location: 'body', pointer: '/id', keyword: 'required', message: 'This field is required.' },
    ]);
  });

  it('applies readOnly to properties required by an allOf member but declared by its sibling', () => {
    expect(put('v3', '/things-with-extra', thing)).toEqual([
      {
        location: 'body',
        pointer: '/extra',
        keyword: 'required',
        message: 'This field is required.',
      },
    ]);
  });

  it('applies const, type arrays, prefixItems and recursive $refs', () => {
    expect(post({ ...thing, kind: 'bag' })).toEqual([
      {
        location: 'body',
        pointer: '/kind',
        keyword: 'const',
        message: '"bag" is not a valid choice.',
      },
    ]);
    expect(post({ ...thing, pair: ['a', 'b'] })).toEqual([
      {
        location: 'body',
        pointer: '/pair/1',
        keyword: 'type',
        message: 'Input should be a valid integer',
      },
    ]);
    expect(post({ ...thing, children: [{ ...thing, children: [{ kind: 'box' }] }] })).toEqual([
      {
        location: 'body',
        pointer: '/children/0/children/0/secret',
        keyword: 'required',
        message: 'This field is required.',
      },
      {
        location: 'body',
        pointer: '/children/0/children/0/tag',
        keyword: 'required',
        message: 'This field is required.',
      },
    ]);
  });

  it('ignores the discriminator (its mapping may point nowhere) and explains the branch by its tag', () => {
    expect(post({ ...thing, ship_with: { type: 'contract', contract_id: 5 } })).toEqual([]);
    expect(post({ ...thing, ship_with: { type: 'contract', contract_id: 'x', extra: 1 } })).toEqual(
      [
        {
          location: 'body',
          pointer: '/ship_with/extra',
          keyword: 'additionalProperties',
          message: 'Extra inputs are not permitted',
        },
        {
          location: 'body',
          pointer: '/ship_with/contract_id',
          keyword: 'type',
          message: 'Input should be a valid integer',
        },
      ],
    );
  });

  it('checks required headers except Accept, case-insensitively', () => {
    expect(post(thing, {})).toEqual([
      {
        location: 'header',
        pointer: '',
        parameter: 'X-Station',
        keyword: 'required',
        message: 'This field is required.',
      },
    ]);
    expect(post(thing, { 'X-STATION': 'ab' })).toEqual([
      {
        location: 'header',
        pointer: '',
        parameter: 'X-Station',
        keyword: 'minLength',
        message: 'Ensure this field has at least 3 characters.',
      },
    ]);
  });

  it('coerces booleans in the query', () => {
    expect(post(thing, undefined, 'flag=true')).toEqual([]);
    expect(post(thing, undefined, 'flag=yes')[0]).toMatchObject({
      parameter: 'flag',
      keyword: 'type',
    });
  });

  it('picks responses by exact status, then range, then default', () => {
    const op = specs.match('v3', 'POST', '/things');
    if (!op) throw new Error('no /things');
    expect(specs.validateResponse(op, { status: 202, body: { ok: true } })).toEqual([]);
    expect(specs.validateResponse(op, { status: 202, body: {} })[0]?.pointer).toBe('/ok');
    expect(specs.validateResponse(op, { status: 400, body: {} })[0]?.pointer).toBe('/oops');
  });
});

describe('OpenAPI 3.0 documents', () => {
  it('reads nullable, also on enums', () => {
    expect(put('v2', '/gadgets/1', { note: null, colour: null })).toEqual([]);
    expect(put('v2', '/gadgets/1', { colour: 'green' })).toEqual([
      {
        location: 'body',
        pointer: '/colour',
        keyword: 'enum',
        message: '"green" is not a valid choice.',
      },
    ]);
  });

  it('reads boolean exclusiveMinimum / exclusiveMaximum', () => {
    expect(put('v2', '/gadgets/1', { weight: 0 })).toEqual([
      {
        location: 'body',
        pointer: '/weight',
        keyword: 'exclusiveMinimum',
        message: 'Ensure this value is greater than 0.',
      },
    ]);
    expect(put('v2', '/gadgets/1', { weight: 0.1, size: 10 })).toEqual([]);
  });

  it('validates path-level parameters and refs to other components', () => {
    expect(put('v2', '/gadgets/x', { owner: {} })).toEqual([
      {
        location: 'path',
        pointer: '',
        parameter: 'id',
        keyword: 'type',
        message: 'Input should be a valid integer',
      },
      {
        location: 'body',
        pointer: '/owner/name',
        keyword: 'required',
        message: 'This field is required.',
      },
    ]);
  });

  it('accepts any body for a status documented without content', () => {
    const op = specs.match('v2', 'PUT', '/gadgets/1');
    if (!op) throw new Error('no /gadgets');
    expect(specs.validateResponse(op, { status: 200, body: { anything: 1 } })).toEqual([]);
  });
});
