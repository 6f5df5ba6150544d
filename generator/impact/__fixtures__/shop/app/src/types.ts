import type { Promo } from '../generated/types.gen.js';

export type Coupon = Promo & { discount: number };

export function codeOf(promo: Promo): string {
  return promo.code ?? '';
}
