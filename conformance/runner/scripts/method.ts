import { answer } from '../../checks/probe.ts';
import type { Instances } from '../instances.ts';
import type { MethodProbe } from '../plan.ts';
import type { Session } from '../session.ts';

/** A method the resource does not support must answer 405 (lenient: any 4xx). */
export async function runMethodProbe(session: Session, instances: Instances, probe: MethodProbe): Promise<void> {
  const { node, method } = probe;
  let path = node.kind === 'entity' ? await instances.existingPath(node) : await instances.pathTo(node);
  if (node.segment?.kind === 'function') path += '()';
  const exchange = await session.send(probe.operation, method, path, method === 'GET' || method === 'DELETE' ? {} : { body: {} });
  const status = exchange.status;
  if (status === 405 || (session.profile === 'lenient' && status >= 400 && status < 500)) session.pass('input/method', probe.operation);
  else {
    const verdict = status >= 200 && status < 300 ? `was accepted (${status})` : `answered ${answer(exchange)}`;
    session.fail('input/method', probe.operation, `${method} is not an operation of ${node.template}, and it ${verdict}; expected 405`, [exchange]);
  }
}
