import { describe, expect, it } from 'vitest';
import type { Order } from '../sendcloud/schemas';
import { AppError } from '../errors';
import { boxesOf } from './multicollo';

function order(
  items: { id?: string; quantity: number; kg?: number }[],
  totalKg: number | null,
): Order {
  return {
    id: '1',
    order_id: 'o-1',
    order_number: 'PD-1',
    order_details: {
      integration: { id: 1 },
      status: { code: 'fulfilled', message: 'Fulfilled' },
      order_items: items.map((item) => ({
        ...(item.id !== undefined ? { item_id: item.id } : {}),
        name: `Item ${item.id ?? '?'}`,
        quantity: item.quantity,
        ...(item.kg !== undefined
          ? { measurement: { weight: { value: item.kg, unit: 'kg' } } }
          : {}),
      })),
    },
    shipping_details:
      totalKg === null ? null : { measurement: { weight: { value: totalKg, unit: 'kg' } } },
  } as Order;
}

describe('an order split into boxes', () => {
  it('spreads the item units so the boxes weigh about the same, with the packaging shared', () => {
    const boxes = boxesOf(
      order(
        [
          { id: 'a', quantity: 1, kg: 3 },
          { id: 'b', quantity: 3, kg: 1 },
        ],
        6.3,
      ),
      2,
    );
    expect(boxes).toEqual([
      { items: [{ itemId: 'a', quantity: 1 }], weightKg: 3.15 },
      { items: [{ itemId: 'b', quantity: 3 }], weightKg: 3.15 },
    ]);
  });

  it('splits the order weight evenly where the items do not tell, every item in the first box', () => {
    const boxes = boxesOf(order([{ id: 'a', quantity: 2 }], 4.5), 3);
    expect(boxes).toEqual([
      { items: [{ itemId: 'a', quantity: 2 }], weightKg: 1.5 },
      { items: [], weightKg: 1.5 },
      { items: [], weightKg: 1.5 },
    ]);
  });

  it('refuses an order with no known weight, never sending 0', () => {
    let said: string | undefined;
    try {
      boxesOf(order([{ id: 'a', quantity: 1 }], null), 2);
    } catch (error) {
      said = error instanceof AppError ? error.said.key : 'not an AppError';
    }
    expect(said).toBe('boxes.error.noWeight');
  });
});
