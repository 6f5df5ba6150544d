import { graph } from '../graph.js';

export async function myTitle(): Promise<string> {
  const me = await graph.me.get({ $select: ['jobTitle', 'department'] });
  return [me.jobTitle, me.department].filter(Boolean).join(', ');
}

export async function setMobile(number: string): Promise<void> {
  await graph.me.patch({ mobilePhone: number });
}
