import { graph } from '../graph.js';
import { items } from '../util/paging.js';

/** Copilot interactions grouped by the request they answer. */
export async function byRequest(): Promise<Map<string, number>> {
  const page = await graph.copilot.interactionHistory.getAllEnterpriseInteractions();
  const counts = new Map<string, number>();
  for (const interaction of items(page)) {
    const key = interaction.requestId!.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
