import { graph } from '../graph.js';
import { items } from '../util/paging.js';

export async function unreadSubjects(): Promise<string[]> {
  const page = await graph.me.messages.get({ $select: ['subject', 'isRead'], $filter: 'isRead eq false' });
  return items(page).map((message) => message.subject ?? '(no subject)');
}

export async function send(to: string, subject: string, text: string): Promise<void> {
  await graph.me.sendMail({
    Message: { subject, body: { contentType: 'text', content: text }, toRecipients: [{ emailAddress: { address: to } }] },
    SaveToSentItems: true,
  });
}
