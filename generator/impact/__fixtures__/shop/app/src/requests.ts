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
