import type * as T from '../../generated/types.gen.js';
import { graph } from '../graph.js';
import { items } from '../util/paging.js';

export async function runsOf(workflowId: string): Promise<T.Run[]> {
  return items(await graph.identityGovernance.lifecycleWorkflows.workflows.byId(workflowId).runs.get());
}

/** Finished, still going, or stuck: an if chain over the processing status. */
export function phase(run: T.Run): 'done' | 'running' | 'stuck' {
  const status = run.processingStatus;
  if (status === 'completed' || status === 'completedWithErrors' || status === 'canceled') return 'done';
  else if (status === 'queued' || status === 'inProgress') return 'running';
  else if (status === 'failed') return 'stuck';
  return 'stuck';
}
