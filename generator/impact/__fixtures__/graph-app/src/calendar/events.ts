import type * as T from '../../generated/types.gen.js';
import { graph } from '../graph.js';

export async function book(subject: string, start: string, end: string): Promise<T.Event> {
  return graph.me.events.post({
    subject,
    start: { dateTime: start, timeZone: 'UTC' },
    end: { dateTime: end, timeZone: 'UTC' },
  });
}

export function durationMinutes(event: T.Event): number {
  const start = Date.parse(event.start?.dateTime ?? '');
  const end = Date.parse(event.end?.dateTime ?? '');
  return Math.round((end - start) / 60000);
}
