// Why Sendcloud refused one order of a batch, in a packer's words: its English detail (or its
// pointer into the order's items) read into a message key. What no key fits keeps Sendcloud's
// own words as a parameter, so nothing it said is lost.
import { msg, type AppErrorData } from '../../src-shared';
import type { Order } from '../sendcloud/schemas';
import type { LabelsAsyncFailure } from '../sendcloud/v3/ship-an-order';
import { customsProblemAt } from '../shipping/customs';

export function batchOrderError(
  failure: Pick<LabelsAsyncFailure, 'code' | 'detail'> & { pointer?: string | null },
  order: Order | null = null,
): AppErrorData {
  // A customs fact missing from one of its items ("Field required" alone names none): the item
  // and the field, read from the pointer into the order, as a scan of it would say.
  const customs = order && failure.pointer ? customsProblemAt(order, failure.pointer) : null;
  if (customs) return { code: 'invalid-input', ...customs };
  const detail = failure.detail.trim();
  const code = failure.code ?? '';
  // Before "not found": a closed or unknown point is the point's trouble, not the order's.
  if (/service point/i.test(detail)) {
    return { code: 'invalid-input', ...msg('batch.order.servicePoint', { detail }) };
  }
  if (code === 'not_found' || /\bnot (be )?found\b|does not exist/i.test(detail)) {
    return { code: 'order-not-found', ...msg('batch.order.notFound') };
  }
  if (/house ?number/i.test(detail)) {
    return { code: 'invalid-input', ...msg('batch.order.houseNumber') };
  }
  if (/\d\s*kg\b|weight|too heavy|overweight/i.test(detail)) {
    return { code: 'invalid-input', ...msg('batch.order.weight', { detail }) };
  }
  if (/address/i.test(detail)) {
    return { code: 'invalid-input', ...msg('batch.order.address') };
  }
  if (/shipping (option|method)/i.test(detail)) {
    return { code: 'invalid-input', ...msg('batch.order.option', { detail }) };
  }
  if (/carrier/i.test(detail)) {
    return { code: 'sendcloud-error', ...msg('batch.order.carrier', { detail }) };
  }
  return { code: 'sendcloud-error', ...msg('batch.order.refused', { detail }) };
}
