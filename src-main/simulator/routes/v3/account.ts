// v3 account data: sender addresses, integrations, contracts and the parcel status list.
import { v3Errors } from '../../errors';
import { json, linkHeader, paginate, v3Fail, type Route, type RouteContext } from '../../http';
import { STATUSES } from '../../lifecycle';
import type { SenderAddress } from '../../wire';
import { v3PageSize } from './orders';

function senderAddress(address: SenderAddress) {
  return {
    id: address.id,
    name: address.name,
    company_name: address.company_name ?? '',
    address_line_1: address.address_line_1,
    house_number: address.house_number,
    address_line_2: address.address_line_2 ?? '',
    postal_code: address.postal_code,
    city: address.city,
    country_code: address.country_code,
    email: address.email ?? '',
    phone_number: address.phone_number ?? '',
    tax_numbers: [],
    signature: {
      full_name: address.name,
      initials: address.name
        .split(/\s+/)
        .map((w) => w[0] ?? '')
        .join(''),
    },
  };
}

function listSenderAddresses(ctx: RouteContext) {
  const all = [...ctx.account.data.senderAddresses].sort((a, b) => b.id - a.id);
  const { page, next, previous } = paginate(
    ctx,
    all,
    (a) => a.id,
    v3PageSize(ctx, 100, 100),
    () => v3Fail(404, v3Errors.invalidCursor),
  );
  return json(200, { data: page.map(senderAddress) }, linkHeader({ next, previous }));
}

function getSenderAddress(ctx: RouteContext) {
  const address = ctx.account.data.senderAddresses.find((a) => String(a.id) === ctx.params.id);
  if (!address)
    throw v3Fail(404, {
      ...v3Errors.pageNotFound,
      detail: 'No sender address matches the given query.',
    });
  return json(200, { data: senderAddress(address) });
}

function getIntegration(ctx: RouteContext) {
  const integration = ctx.account.data.integrations.find((i) => String(i.id) === ctx.params.id);
  if (!integration)
    throw v3Fail(404, {
      ...v3Errors.pageNotFound,
      detail: 'No integration matches the given query.',
    });
  return json(200, { data: integration });
}

const STATUS_LIST = Object.values(STATUSES).filter((status) => status.code !== 'NO_LABEL');

export const accountRoutes: Route[] = [
  { method: 'GET', path: '/addresses/sender-addresses', handle: listSenderAddresses },
  { method: 'GET', path: '/addresses/sender-addresses/{id}', handle: getSenderAddress },
  {
    method: 'GET',
    path: '/integrations',
    handle: (ctx) => json(200, { data: ctx.account.data.integrations }),
  },
  { method: 'GET', path: '/integrations/{id}', handle: getIntegration },
  {
    method: 'GET',
    path: '/contracts',
    handle: (ctx) => json(200, { data: ctx.account.data.contracts }),
  },
  {
    method: 'GET',
    path: '/parcels/statuses',
    handle: () => json(200, { data: STATUS_LIST.map(({ code, message }) => ({ code, message })) }),
  },
];
