import type * as T from '../generated/types.gen.js';
import { validators } from '../generated/validators.gen.js';
import { client } from './shop.js';

export async function names(): Promise<string[]> {
  const page = await client.customers.get({ $select: ['id', 'name'] });
  return page.value.map((customer) => customer.name ?? '');
}

export function quantity(line: T.OrderLine): number {
  return line.quantity ?? 0;
}

export async function rename(id: string, name: string): Promise<void> {
  await client.customers.byId(id).patch({ name });
}

export function checkLine(value: unknown) {
  return validators.orderLine.read(value);
}
