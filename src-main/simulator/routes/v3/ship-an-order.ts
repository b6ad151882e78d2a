// v3 "ship an order": a label for an order now (create-label-sync), or for up to 20 orders in
// the background (create-labels-async), whose labels can be fetched after a delay.
import { carrierForOption, priceFor, productForOption } from '../../carriers';
import { invalidField, v3Errors, type V3Error } from '../../errors';
import {
  ApiError,
  int,
  isRecord,
  json,
  str,
  v3Fail,
  type Route,
  type RouteContext,
} from '../../http';
import type { LabelFormat } from '../../labels';
import type { SenderAddress, V3Order } from '../../wire';
import { createShipment, documentLink, formatOfMime, kgOf, MIME, shipWith } from '../../shipping';
import { visibleOrders } from '../../state';
import { appliesShippingRules, carrierRefusal, panelRuleOption } from '../../carrier-choice';
import { customsDocumentsFor, customsProblems, needsCustoms, parcelItemOf } from '../../customs';
import { parcelItemsOf } from '../../parcel-items';
import { labelServicePoint } from '../../service-point-labels';

const at = (field: string) => `/data/attributes/${field}`;

function integrationOf(ctx: RouteContext, body: Record<string, unknown>): number {
  const integrationId = int(body.integration_id) ?? -1;
  if (!ctx.account.data.integrations.some((integration) => integration.id === integrationId)) {
    throw v3Fail(
      400,
      invalidField(
        at('integration_id'),
        `Integration with id ${String(body.integration_id)} does not exist`,
      ),
    );
  }
  return integrationId;
}

function senderOf(ctx: RouteContext, body: Record<string, unknown>): SenderAddress {
  const wanted = int(body.sender_address_id);
  const addresses = ctx.account.data.senderAddresses;
  const sender = wanted === undefined ? addresses[0] : addresses.find((a) => a.id === wanted);
  if (!sender) {
    // As documented (filed under the async endpoint's examples): status 404, code "invalid".
    throw v3Fail(404, {
      status: '404',
      code: 'invalid',
      detail: 'Does not exist.',
      source: { pointer: at('sender_address_id') },
    });
  }
  return sender;
}

/** The brand asked for, or null; an id the account has no brand for is refused. */
function brandOf(ctx: RouteContext, body: Record<string, unknown>): number | null {
  if (body.brand_id === undefined || body.brand_id === null) return null;
  const wanted = int(body.brand_id);
  if (wanted === undefined || !ctx.account.data.brands.some((brand) => brand.id === wanted)) {
    // Brands are checked like integrations: a 400 naming the field (the spec lists 400 and 404).
    throw v3Fail(
      400,
      invalidField(at('brand_id'), `Brand with id ${String(body.brand_id)} does not exist.`),
    );
  }
  return wanted;
}

function findOrder(
  ctx: RouteContext,
  integrationId: number,
  selector: Record<string, unknown>,
): V3Order | undefined {
  const orderId = str(selector.order_id);
  const orderNumber = str(selector.order_number);
  return visibleOrders(ctx.account, ctx.now).find(
    (candidate) =>
      candidate.order_details.integration.id === integrationId &&
      (orderId === undefined || candidate.order_id === orderId) &&
      (orderNumber === undefined || candidate.order_number === orderNumber) &&
      (orderId !== undefined || orderNumber !== undefined),
  );
}

/**
 * Why a carrier would refuse the order's address, or null. Sendcloud's words: the whole address
 * ("The order has no valid shipping address.", as the async example says), or a house number a
 * street address in these countries cannot do without.
 */
function addressProblem(order: V3Order): string | null {
  const to = order.shipping_address;
  if (!to.name || !to.address_line_1 || !to.postal_code || !to.city || !to.country_code) {
    return 'The order has no valid shipping address.';
  }
  const needsNumber = ['NL', 'BE', 'DE', 'AT'].includes(to.country_code);
  if (needsNumber && !to.house_number && !/\d/.test(to.address_line_1)) {
    return 'House number is required for this address.';
  }
  return null;
}

/** The shipping option for an order, or the error that says why there is none. */
function optionFor(body: Record<string, unknown>, order: V3Order): string | V3Error {
  const requested =
    isRecord(body.ship_with) && isRecord(body.ship_with.properties)
      ? str(body.ship_with.properties.shipping_option_code)
      : undefined;
  const code = requested ?? order.shipping_details.ship_with.properties.shipping_option_code;
  const product = productForOption(code);
  const pointer = at('ship_with/properties/shipping_option_code');
  if (!carrierForOption(code) || !product) {
    return invalidField(pointer, `Shipping option ${code} is not available.`);
  }
  const kg = kgOf(order.shipping_details.measurement.weight);
  if (priceFor(product, order.shipping_address.country_code, kg) === null) {
    return invalidField(
      pointer,
      `Shipping option ${code} is not available for ${kg} kg to ${order.shipping_address.country_code}.`,
    );
  }
  return code;
}

async function createLabelSync(ctx: RouteContext) {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const integrationId = integrationOf(ctx, body);
  const sender = senderOf(ctx, body);
  const brandId = brandOf(ctx, body);
  const order = findOrder(ctx, integrationId, isRecord(body.order) ? body.order : {});
  if (!order) throw v3Fail(404, v3Errors.orderNotFound);
  const address = addressProblem(order);
  if (address) throw v3Fail(400, invalidField(at('order'), address, 'validation_error'));
  const selector = isRecord(body.order) ? body.order : {};
  const ruled = appliesShippingRules(selector) ? panelRuleOption(order) : null;
  const option = ruled ?? optionFor(body, order);
  if (typeof option !== 'string') throw v3Fail(400, option);
  const refused = carrierRefusal(ctx.state.refusingCarriers, option, at('ship_with'));
  if (refused) throw v3Fail(400, refused);
  const customs = customsProblems(order);
  if (customs.length > 0) throw v3Fail(400, ...customs);
  const toServicePoint = labelServicePoint(ctx, order, option);

  const details = isRecord(body.label_details) ? body.label_details : {};
  const format: LabelFormat = formatOfMime(str(details.mime_type) ?? MIME.pdf) ?? 'pdf';
  const dpi = int(details.dpi) ?? 72;
  // Real Sendcloud has no duplicate protection here: every call makes a new parcel.
  const shipment = await createShipment(ctx, {
    api: 'v3',
    via: 'create-label-sync',
    integrationId,
    orderId: order.order_id,
    orderNumber: order.order_number,
    externalReferenceId: null,
    reference: null,
    from: sender,
    senderAddressId: sender.id,
    brandId,
    to: order.shipping_address,
    shippingOptionCode: option,
    totalOrderPrice: {
      value: order.payment_details.total_price.value.toFixed(2),
      currency: order.payment_details.total_price.currency,
    },
    isReturn: false,
    parcels: [
      {
        weightKg: kgOf(order.shipping_details.measurement.weight),
        dimensions: null,
        // Customs declare what the parcel holds: the order's items.
        items: needsCustoms(order.shipping_address.country_code)
          ? order.order_details.order_items.map(parcelItemOf)
          : [],
        labelNotes: [],
      },
    ],
    format,
    readyAt: ctx.now,
    ...(toServicePoint ? { toServicePoint } : {}),
  });
  const parcel = shipment.parcels[0];
  const entry = ctx.state.ledger[ctx.state.ledger.length - 1];
  if (!parcel || !entry) throw new Error('label not made');
  // The label's real format: a carrier without native ZPL answers a ZPL request with a PDF.
  const made = parcel.native;
  const file = {
    file: entry.bytes.toString('base64'),
    mime_type: MIME[made],
    // ZPL and our PNG come at the carrier's 203 dpi whatever was asked; PDF echoes the request.
    dpi: made === 'pdf' ? (format === 'pdf' ? dpi : 72) : 203,
  };
  const item = {
    parcel_id: parcel.id,
    shipment_id: shipment.id,
    order_id: order.order_id,
    order_number: order.order_number,
    ship_with: shipWith(shipment),
    tracking_number: parcel.trackingNumber,
    tracking_url: parcel.trackingUrl,
    ...(ctx.state.labelResponse === 'example' ? { label: file } : { label_details: file }),
    documents: [
      { type: 'label', document_type: 'label', size: 'a6', link: documentLink(ctx, parcel.id) },
      ...customsDocumentsFor(order.shipping_address.country_code).map((type) => ({
        type: type === 'air-waybill' ? 'air-waybill' : 'cn23',
        document_type: type,
        size: 'a4',
        link: documentLink(ctx, parcel.id, type),
      })),
    ],
  };
  return json(201, { data: ctx.state.labelResponse === 'example' ? [item] : item });
}

async function createLabelsAsync(ctx: RouteContext) {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const integrationId = integrationOf(ctx, body);
  const sender = senderOf(ctx, body);
  const brandId = brandOf(ctx, body);
  const selectors = Array.isArray(body.orders) ? body.orders : [];
  const data: unknown[] = [];
  const errors: V3Error[] = [];
  // Partial success: each order stands alone; failures are listed with their position.
  for (const [index, raw] of selectors.entries()) {
    const selector = isRecord(raw) ? raw : {};
    const pointer = at(`orders/[${index}]`);
    const order = findOrder(ctx, integrationId, selector);
    if (!order) {
      errors.push({ ...v3Errors.orderNotFound, source: { pointer } });
      continue;
    }
    const address = addressProblem(order);
    // The order's selector asks for the panel's rules (`apply_shipping_rules`), else the
    // request's `ship_with`, else the order's own option.
    const ruled = !address && appliesShippingRules(selector) ? panelRuleOption(order) : null;
    const option = address ? null : (ruled ?? optionFor(body, order));
    if (typeof option !== 'string') {
      errors.push({
        status: '400',
        code: 'validation_error',
        title: 'Invalid order',
        detail: address ?? option?.detail ?? '',
        source: { pointer },
      });
      continue;
    }
    // As create-label-sync refuses it, field by field, pointing into this order of the request.
    const customs = customsProblems(order, pointer);
    if (customs.length > 0) {
      errors.push(...customs);
      continue;
    }
    // A carrier's refusal fails this order alone, as any one label's error does.
    const refused = carrierRefusal(ctx.state.refusingCarriers, option, pointer);
    if (refused) {
      errors.push(refused);
      continue;
    }
    // A closed or unknown point too, as create-label-sync refuses it, pointing at this order.
    let toServicePoint: ReturnType<typeof labelServicePoint>;
    try {
      toServicePoint = labelServicePoint(ctx, order, option, pointer);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      errors.push(...(error.reply.json as { errors: V3Error[] }).errors);
      continue;
    }
    const requested = Array.isArray(selector.parcels) ? selector.parcels : [];
    const total = kgOf(order.shipping_details.measurement.weight);
    const parcels = (requested.length > 0 ? requested : [{}]).map((parcel: unknown) => {
      const weight =
        isRecord(parcel) && isRecord(parcel.weight)
          ? kgOf({
              value: Number(parcel.weight.value),
              unit: typeof parcel.weight.unit === 'string' ? parcel.weight.unit : null,
            })
          : NaN;
      return {
        weightKg:
          Number.isFinite(weight) && weight > 0 ? weight : total / Math.max(1, requested.length),
        dimensions: null,
        items: isRecord(parcel) ? parcelItemsOf(order, parcel.parcel_items) : [],
        labelNotes: [],
      };
    });
    const shipment = await createShipment(ctx, {
      api: 'v3',
      via: 'create-labels-async',
      integrationId,
      orderId: order.order_id,
      orderNumber: order.order_number,
      externalReferenceId: null,
      reference: null,
      from: sender,
      senderAddressId: sender.id,
      brandId,
      to: order.shipping_address,
      shippingOptionCode: option,
      totalOrderPrice: null,
      isReturn: false,
      parcels,
      format: 'pdf',
      readyAt: ctx.now + ctx.state.asyncLabelDelayMs,
      ...(toServicePoint ? { toServicePoint } : {}),
    });
    const ids = shipment.parcels.map((parcel) => parcel.id);
    data.push({
      parcel_id: ids[0],
      parcels_ids: ids,
      shipment_id: shipment.id,
      order_id: order.order_id,
      order_number: order.order_number,
      ship_with: shipWith(shipment),
    });
  }
  if (data.length === 0) {
    const allMissing = errors.every((error) => error.status === '404');
    throw v3Fail(allMissing ? 404 : 400, ...errors);
  }
  return json(202, errors.length > 0 ? { data, errors } : { data });
}

export const shipAnOrderRoutes: Route[] = [
  {
    method: 'POST',
    path: '/orders/create-label-sync',
    pointers: 'attributes',
    handle: createLabelSync,
  },
  {
    method: 'POST',
    path: '/orders/create-labels-async',
    pointers: 'attributes',
    handle: createLabelsAsync,
  },
];
