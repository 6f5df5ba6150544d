import type { OperationIntent } from '../types.ts';

/**
 * The success status an operation answers with when nothing documents another
 * (OData Protocol 4.0, 11.2 and 11.4): 201 for a create, 204 for updates, deletes and links.
 */
export const DEFAULT_STATUS: Record<OperationIntent, number> = {
  list: 200,
  read: 200,
  create: 201,
  update: 204,
  replace: 204,
  delete: 204,
  action: 200,
  function: 200,
  // Adding, replacing and removing a link (11.4.6) answer 204 No Content.
  reference: 204,
};

/** An action that returns nothing answers 204 No Content (OData Protocol 4.0, 11.5.4.2). */
export function defaultStatus(intent: OperationIntent, hasResponse: boolean): number {
  return intent === 'action' && !hasResponse ? 204 : DEFAULT_STATUS[intent];
}
