import type { DiagnosticCollector } from '../../diagnostics/collector.ts';
import type { Annotated, Model } from '../types.ts';
import type { ExternalAnnotations } from './read-document.ts';

/**
 * Attaches `<Annotations Target="...">` blocks (CSDL XML 14.2) to their targets: a type,
 * a property or member of it, a callable (all overloads, or one by its parameter types) or
 * one of its parameters, the container or one of its children.
 */
export function applyExternalAnnotations(
  model: Model,
  blocks: ExternalAnnotations[],
  diagnostics: DiagnosticCollector,
): void {
  const callables = indexCallables(model);
  for (const block of blocks) {
    const targets = resolveTarget(model, callables, block.target);
    if (targets.length === 0) {
      diagnostics.report('csdl/unresolved-annotation-target', block.source, { target: block.target });
      continue;
    }
    for (const target of targets) target.annotations.push(...block.annotations);
  }
}

type CallableIndex = Record<string, Model['actions']>;

function indexCallables(model: Model): CallableIndex {
  const index: CallableIndex = Object.create(null);
  for (const callable of [...model.actions, ...model.functions]) (index[callable.qualifiedName] ??= []).push(callable);
  return index;
}

function resolveTarget(model: Model, callables: CallableIndex, target: string): Annotated[] {
  const [head = '', member, ...deeper] = target.split('/');
  if (deeper.length > 0) return []; // Deeper paths (property of a complex property) are not attached.
  const open = head.indexOf('(');
  if (open !== -1 || Object.hasOwn(callables, head)) return callableTargets(callables, head, open, member);
  const container = model.entityContainer;
  if (container && head === container.qualifiedName) {
    if (member === undefined) return [container];
    const child = [...container.entitySets, ...container.singletons, ...container.operationImports].find(
      (item) => item.name === member,
    );
    return child ? [child] : [];
  }
  const type = Object.hasOwn(model.types, head) ? model.types[head] : undefined;
  if (!type) {
    const schema = model.schemas.find((item) => item.namespace === head);
    return schema && member === undefined ? [schema] : [];
  }
  if (member === undefined) return [type];
  if (type.kind === 'enum') return type.members.filter((item) => item.name === member);
  if (type.kind === 'typeDefinition') return [];
  return [...type.properties, ...type.navigationProperties].filter((item) => item.name === member);
}

function callableTargets(callables: CallableIndex, head: string, open: number, member: string | undefined): Annotated[] {
  const name = open === -1 ? head : head.slice(0, open);
  const overloads = (Object.hasOwn(callables, name) ? callables[name] : undefined) ?? [];
  const signature = open === -1 ? undefined : head.slice(open + 1, -1);
  const matching = overloads.filter((callable) => signature === undefined || signatureOf(callable) === signature);
  if (member === undefined) return matching;
  return matching.flatMap((callable) => callable.parameters.filter((parameter) => parameter.name === member));
}

/** Overloads are told apart by the binding parameter's type for bound callables (CSDL XML 14.2.1). */
function signatureOf(callable: Model['actions'][number]): string {
  const binding = callable.isBound ? callable.parameters[0] : undefined;
  if (!binding) return '';
  return binding.collection ? `Collection(${binding.type})` : binding.type;
}
