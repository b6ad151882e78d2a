import { describe, expect, it } from 'vitest';
import { sendcloudError } from '../sendcloud/errors';
import { isCarrierRefusal, withFallbacks } from './fallback';

const refusal = () =>
  sendcloudError('validation', 'refused', {
    status: 400,
    details: [{ code: 'parcel_announcement_error', detail: 'PostNL service error: down' }],
  });
const orderError = () =>
  sendcloudError('validation', 'bad order', {
    status: 400,
    details: [{ code: 'invalid', detail: 'House number is required.', pointer: '/data' }],
  });

describe('fallback after a carrier’s refusal', () => {
  it('tells a carrier’s refusal from the order’s own error and from an unknown outcome', () => {
    expect(isCarrierRefusal(refusal())).toBe(true);
    expect(isCarrierRefusal(orderError())).toBe(false);
    expect(isCarrierRefusal(sendcloudError('timeout', 'no answer'))).toBe(false);
    expect(isCarrierRefusal(sendcloudError('server', 'PostNL service error'))).toBe(false);
  });

  it('tries the fallbacks in order while carriers refuse, and says which one made it', async () => {
    const asked: (string | null)[] = [];
    const tried = await withFallbacks(
      { optionCode: 'postnl:standard', fallbacks: ['dhl:parcel', 'ups:standard'] },
      async (code) => {
        asked.push(code);
        if (code !== 'ups:standard') throw refusal();
        return 'label';
      },
    );
    expect(asked).toEqual(['postnl:standard', 'dhl:parcel', 'ups:standard']);
    expect(tried).toEqual({
      made: 'label',
      optionCode: 'ups:standard',
      why: {
        key: 'routing.why.fallback',
        params: { option: 'ups:standard', refused: 'postnl:standard', number: 2 },
      },
    });
  });

  it('stops at an error that is not a refusal: it may have made a label, or the order is wrong', async () => {
    const asked: (string | null)[] = [];
    const timeout = sendcloudError('timeout', 'no answer');
    await expect(
      withFallbacks({ optionCode: 'postnl:standard', fallbacks: ['dhl:parcel'] }, async (code) => {
        asked.push(code);
        throw timeout;
      }),
    ).rejects.toBe(timeout);
    expect(asked).toEqual(['postnl:standard']);
  });

  it('shows the first refusal when every option is refused, as without fallbacks', async () => {
    const first = refusal();
    let calls = 0;
    await expect(
      withFallbacks({ optionCode: 'postnl:standard', fallbacks: ['dhl:parcel'] }, async () => {
        calls += 1;
        throw calls === 1 ? first : refusal();
      }),
    ).rejects.toBe(first);
  });
});
