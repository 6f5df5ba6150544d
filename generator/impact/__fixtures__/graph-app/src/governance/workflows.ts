import type * as T from '../../generated/types.gen.js';
import { graph } from '../graph.js';

/** A leaver workflow: disables the account on the last working day. */
export async function createLeaverWorkflow(name: string): Promise<T.Workflow> {
  return graph.identityGovernance.lifecycleWorkflows.workflows.post({
    displayName: name,
    description: 'Disable the account of people who leave',
    category: 'leaver',
    isEnabled: true,
    tasks: [{ displayName: 'Disable account', taskDefinitionId: '1dfdfcc7-52fa-4c2e-bf3a-e3919cc12950', isEnabled: true }],
  });
}
