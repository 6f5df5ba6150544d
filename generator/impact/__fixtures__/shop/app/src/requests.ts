import type { OrderItem } from '../generated/client.gen.js';
import { client } from './shop.js';

export async function archived() {
  return (await client.archive.get()).value;
}

export async function product(sku: string) {
  return client.products.byId(sku).get();
}

export async function cancel(id: string): Promise<void> {
  await client.orders.byId(id).cancel({ reason: 'changed my mind' });
}

export async function best() {
  return client.topCustomers();
}

export async function lineCount(id: string): Promise<number> {
  const lines = client.orders.byId(id).lines;
  return (await lines.get()).value.length;
}

export async function buyer(id: string) {
  return client.orders.byId(id).customer.get();
}

/** A builder received as a parameter: every path that reaches its interface counts. */
export async function linesOf(order: OrderItem) {
  return (await order.lines.get()).value;
}
