import type * as T from '../generated/types.gen.js';
import { client } from './shop.js';

export function orderTotal(order: T.Order): string {
  return order.total?.toFixed(2) ?? '';
}

export function legacyCodeOf(order: T.Order): string | undefined {
  return order.legacyCode ?? undefined;
}

export function totals(orders: T.Order[]): number {
  return orders.reduce((sum, { total }) => sum + (total ?? 0), 0);
}

export async function annotate(id: string, note: string): Promise<void> {
  await client.orders.byId(id).patch({ note });
}

export async function register(name: string, email: string): Promise<void> {
  await client.customers.post({ id: name, name, email });
}

export async function place(id: string): Promise<void> {
  await client.orders.post({ id, total: 10, status: 'pending', shipTo: { street: 'Main St 1', city: 'Springfield' } });
}

export const sample: T.Order = { id: 'o1', total: 1, status: 'pending', legacyCode: 'X' };

/** Titles are set on create; changing one later is what the new schema forbids. */
export async function listProduct(sku: string, title: string): Promise<void> {
  await client.products.post({ sku, id: sku, title });
}

export async function retitle(sku: string, title: string): Promise<void> {
  await client.products.byId(sku).patch({ title });
}
