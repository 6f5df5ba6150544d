import type { Operation } from '../../../generator/model/types.ts';
import { judgeProbe } from '../../checks/probe.ts';
import type { RouteNode } from '../../handlers/routes.ts';
import { wrongKindFor } from '../../samples/primitive.ts';
import { sampleValue } from '../../samples/structured.ts';
import { formatCall } from '../../url/literal.ts';
import { callableOf, errorsOf } from '../../validation/validator.ts';
import type { Instances } from '../instances.ts';
import type { Session } from '../session.ts';
import { refuse } from './bad-inputs.ts';
import { skipOperation } from './resource.ts';

/**
 * A bound or unbound action (POST with a parameters object) or function (GET with parameters in
 * the URL), called with valid parameters on an entity that exists; actions also get the bad inputs.
 */
export async function runCallable(session: Session, instances: Instances, node: RouteNode, operation: Operation): Promise<void> {
  const callable = callableOf(session.model, operation);
  if (!callable) return skipOperation(session, operation, `the model has no ${operation.intent} ${operation.callable ?? ''}`);
  const parameters = callable.isBound ? callable.parameters.slice(1) : callable.parameters;
  const path = await instances.pathTo(node);
  const variant = session.nextVariant();
  if (operation.intent === 'function') {
    const segment = operation.segments.at(-1);
    const names = segment?.kind === 'function' ? segment.parameters : [];
    const args: Record<string, unknown> = {};
    for (const name of names) {
      const parameter = parameters.find((candidate) => candidate.name === name);
      const value = parameter && sampleValue(session.model, parameter.type, parameter.collection, parameter, variant);
      if (value === undefined) return skipOperation(session, operation, `no value can be built for the parameter ${name}`);
      args[name] = value;
    }
    const exchange = await session.send(operation.id, 'GET', formatCall(session.model, path, args, parameters));
    judgeProbe(session, operation, exchange, { graph: [operation.successStatus], odata: [200] });
    return;
  }
  const body: Record<string, unknown> = {};
  for (const parameter of parameters) {
    if (parameter.optional) continue;
    const value = sampleValue(session.model, parameter.type, parameter.collection, parameter, variant);
    if (value !== undefined) body[parameter.name] = value;
    else if (parameter.nullable) body[parameter.name] = null;
  }
  const refused = new Set(errorsOf(session.validator.validateParameters(callable, body, callable.isBound)).map((issue) => issue.path.split('/')[1]));
  for (const name of refused) if (name !== undefined) delete body[name];
  const exchange = await session.send(operation.id, 'POST', path, operation.requestBody ? { body } : {});
  judgeProbe(session, operation, exchange, { graph: [operation.successStatus], odata: [operation.response ? 200 : 204] });
  if (!operation.requestBody) return;
  await refuse(session, operation, path, {
    base: body,
    unknownName: 'odatakitUnknownParameter',
    wrongType: () => {
      for (const parameter of parameters) {
        const wrong = wrongKindFor(session.model, parameter.type, parameter.collection);
        if (wrong === undefined) continue;
        const spoiled = { ...body, [parameter.name]: wrong };
        if (errorsOf(session.validator.validateParameters(callable, spoiled, callable.isBound)).some((issue) => issue.path.startsWith(`/${parameter.name}`))) return spoiled;
      }
      return `${callable.qualifiedName} has no parameter a wrong value can be sent for`;
    },
  });
}
