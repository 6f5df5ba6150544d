import { client } from './shop.js';

export async function summaries() {
  const page = await client.orders.get({ $select: ['id', 'total', 'legacyCode'], $expand: ['customer'] });
  return page.value.map((order) => order.id);
}
