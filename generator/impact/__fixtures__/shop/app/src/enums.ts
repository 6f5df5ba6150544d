import type * as T from '../generated/types.gen.js';

export function statusLabel(status: T.Status): string {
  switch (status) {
    case 'pending':
      return 'Waiting';
    case 'shipped':
      return 'On its way';
    case 'legacy':
      return 'Old order';
  }
}

export function discount(customer: T.Customer): number {
  const tier = customer.tier;
  if (tier === 'bronze') return 5;
  else if (tier === 'silver') return 10;
  return 0;
}

export const tierNames: Record<T.Tier, string> = { bronze: 'Bronze', silver: 'Silver' };
