import { keyProperties, lookupStructuredType, findProperty } from '../../generator/model/queries.ts';
import type { Operation, TypeReference } from '../../generator/model/types.ts';
import { samplePrimitive } from '../samples/primitive.ts';
import { concreteType, sampleKeyValue, sampleStructured } from '../samples/structured.ts';
import { callableOf, errorsOf } from '../validation/validator.ts';
import { isPlainObject, readJsonBody } from './body.ts';
import type { HandlerContext } from './context.ts';
import type { Step } from './match.ts';
import { json, noContent, odataError } from './responses.ts';

/**
 * Actions (OData Protocol 4.0 §11.5.4: POST, parameters in a JSON object) and functions
 * (§11.5.3: GET, parameters in the URL). The reference handlers check the parameters and
 * answer with a valid value of the return type; they do not simulate what the operation does.
 */
export async function invokeCallable(ctx: HandlerContext, steps: readonly Step[], operation: Operation, request: Request): Promise<Response> {
  const callable = callableOf(ctx.model, operation);
  if (!callable) return odataError(500, 'InternalServerError', `The model has no ${operation.intent} ${operation.callable ?? ''}`);
  const parameters = callable.isBound ? callable.parameters.slice(1) : callable.parameters;
  if (operation.intent === 'action') {
    const body = await readJsonBody(request, true);
    if (!body.ok) return body.response;
    if (!isPlainObject(body.value)) return odataError(400, 'BadRequest', 'The body of an action must be a JSON object of its parameters');
    const errors = errorsOf(ctx.validator.validateParameters(callable, body.value, callable.isBound));
    const missing = parameters.find((parameter) => !parameter.optional && !parameter.nullable && !(parameter.name in (body.value as object)));
    if (errors.length > 0) {
      const details = errors.slice(0, 20).map((issue) => ({ code: issue.code, message: issue.message, target: issue.path }));
      return odataError(400, 'BadRequest', `Invalid parameters at '${errors[0]!.path || '/'}': ${errors[0]!.message}`, details);
    }
    if (missing) return odataError(400, 'BadRequest', `The parameter '${missing.name}' is required`);
  } else {
    const args = steps.at(-1)!.args ?? {};
    const unknown = Object.keys(args).find((name) => !parameters.some((parameter) => parameter.name === name));
    if (unknown !== undefined) return odataError(400, 'BadRequest', `Unknown parameter '${unknown || '(positional)'}' for function ${callable.qualifiedName}`);
    const missing = parameters.find((parameter) => !parameter.optional && !(parameter.name in args));
    if (missing) return odataError(400, 'BadRequest', `The parameter '${missing.name}' is required`);
  }
  if (!operation.response) return operation.successStatus === 204 ? noContent() : json({}, operation.successStatus);
  if (operation.response.type === 'Edm.Stream') {
    return new Response('odatakit', { status: 200, headers: { 'Content-Type': 'application/octet-stream', 'OData-Version': '4.0' } });
  }
  return json(returnBody(ctx, operation.response), operation.successStatus === 204 ? 200 : operation.successStatus);
}

/** A valid return value in its JSON form (OData JSON Format 4.0 §7 for primitives, §12 for collections). */
function returnBody(ctx: HandlerContext, response: TypeReference): Record<string, unknown> {
  const context = `${ctx.serviceRoot}/$metadata#${response.collection ? `Collection(${response.type})` : response.type}`;
  const structured = lookupStructuredType(ctx.model, response.type);
  const one = structured ? sampleInstance(ctx, response.type) : samplePrimitive(ctx.model, response.type, {}, 0);
  if (response.collection) return { '@odata.context': context, value: one === undefined ? [] : [one] };
  if (structured && isPlainObject(one)) return { '@odata.context': context, ...one };
  return { '@odata.context': context, value: one ?? null };
}

function sampleInstance(ctx: HandlerContext, typeName: string): Record<string, unknown> | undefined {
  const declared = lookupStructuredType(ctx.model, typeName);
  const type = declared && (concreteType(ctx.model, declared) ?? declared);
  if (!declared || !type) return undefined;
  const value = sampleStructured(ctx.model, declared, { variant: 0, optional: 0, serverSide: true }) ?? {};
  if (type.kind !== 'entity') return value;
  const keys: Record<string, unknown> = {};
  for (const name of keyProperties(ctx.model, type)) {
    const property = findProperty(ctx.model, type, name);
    if (property) keys[name] = sampleKeyValue(ctx.model, property, ctx.nextId());
  }
  return { ...(value['@odata.type'] !== undefined && { '@odata.type': value['@odata.type'] }), ...keys, ...value };
}
