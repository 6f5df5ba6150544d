import { attribute, childElements, type XmlElement } from '../../csdl/xml-element.ts';
import type { EnumMember, EnumType } from '../types.ts';
import { readAnnotations } from './annotation.ts';
import { at, booleanAttribute, qualify, requiredAttribute, type BuildContext } from './context.ts';

/**
 * Enumeration types (CSDL XML 10). Members without a Value count up from 0 (or, for flags,
 * must be given; we still count up so that the model stays total).
 */
export function readEnumType(element: XmlElement, context: BuildContext): EnumType {
  const name = requiredAttribute(element, 'Name', 'EnumType', context);
  const qualifiedName = `${context.namespace}.${name}`;
  const memberElements = childElements(element, 'Member');
  // Graph's auditLogRecordType has no members; CSDL requires one, so say so but carry on.
  if (memberElements.length === 0) context.diagnostics.report('csdl/empty-enum', at(element, context), { type: qualifiedName });
  let next = 0;
  const members = memberElements.map((member): EnumMember => {
    const valueText = attribute(member, 'Value');
    const value = valueText === undefined ? next : Number(valueText);
    next = value + 1;
    return {
      name: attribute(member, 'Name') ?? '',
      value,
      annotations: readAnnotations(member, context),
      source: at(member, context),
    };
  });
  return {
    kind: 'enum',
    name,
    namespace: context.namespace,
    qualifiedName,
    underlyingType: qualify(attribute(element, 'UnderlyingType') ?? 'Edm.Int32', context),
    isFlags: booleanAttribute(attribute(element, 'IsFlags'), false),
    members,
    annotations: readAnnotations(element, context),
    origin: ['csdl'],
    source: at(element, context),
  };
}
