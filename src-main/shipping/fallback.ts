// After a carrier refuses a label, the account's fallback options, in order. A refusal means
// Sendcloud made no label, so asking again with the next option cannot make a second one; any
// other failure (the order's own error, an answer that never came) ends the tries as it is, and
// an unknown outcome goes through the look-up for an earlier label on the job's next try.
import { msg, type Message } from '../../src-shared';
import { createLogger } from '../log';
import { SendcloudError } from '../sendcloud/errors';
import type { LabelPlan } from './label-plan';

const log = createLogger('fallback');

/**
 * The carrier, not the order, said no: Sendcloud's `parcel_announcement_error`, or the carrier's
 * own "… service error: …" passed through as a 400. A field of the order Sendcloud points at, an
 * unknown option, keys or limits are not the carrier's refusal.
 */
export function isCarrierRefusal(error: unknown): boolean {
  if (!(error instanceof SendcloudError) || error.kind !== 'validation') return false;
  return error.details.some(refusedByCarrier);
}

/** One error of an answer (a batch's order among others) is the carrier's refusal. */
export function refusedByCarrier(detail: { code?: string | null; detail: string }): boolean {
  return detail.code === 'parcel_announcement_error' || /\bservice error\b/i.test(detail.detail);
}

export interface OptionTried<T> {
  made: T;
  /** The option the label was made with (null: the order's own, or Sendcloud's rules). */
  optionCode: string | null;
  /** Why, when a fallback made it: which option the carrier refused. */
  why: Message | null;
}

/** Make the label with the plan's option, then with each fallback while carriers refuse. */
export async function withFallbacks<T>(
  plan: Pick<LabelPlan, 'optionCode' | 'fallbacks'>,
  make: (optionCode: string | null, first: boolean) => Promise<T>,
): Promise<OptionTried<T>> {
  const options = [plan.optionCode, ...plan.fallbacks];
  let refusal: unknown = null;
  for (const [index, optionCode] of options.entries()) {
    try {
      const made = await make(optionCode, index === 0);
      const refused = plan.optionCode ?? msg('routing.why.ordersOwn');
      return {
        made,
        optionCode,
        why:
          index === 0 || optionCode === null
            ? null
            : msg('routing.why.fallback', { option: optionCode, refused, number: index }),
      };
    } catch (error) {
      if (!isCarrierRefusal(error) || index === options.length - 1) {
        // With no fallback left, the first refusal is what the packer reads, as without any.
        throw refusal !== null && isCarrierRefusal(error) ? refusal : error;
      }
      refusal ??= error;
      log.warn('the carrier refused a label; trying the next option', {
        refused: optionCode,
        next: options[index + 1],
      });
    }
  }
  throw refusal;
}
