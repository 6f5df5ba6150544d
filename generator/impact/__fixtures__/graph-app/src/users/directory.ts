import type * as T from '../../generated/types.gen.js';
import { graph } from '../graph.js';
import { items } from '../util/paging.js';

export interface Person {
  id: string;
  name: string;
  email: string | undefined;
}

export async function people(): Promise<Person[]> {
  const page = await graph.users.get({ $select: ['id', 'displayName', 'mail'], $top: 50 });
  return items(page).map((user) => ({ id: user.id ?? '', name: user.displayName ?? '(no name)', email: user.mail ?? undefined }));
}

export function initials(user: T.User): string {
  return (user.givenName?.[0] ?? '') + (user.surname?.[0] ?? '');
}
