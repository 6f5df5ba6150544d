import type { EnumMember, EnumType } from '../model/types.ts';
import { byKey, record, unionKeys, type DiffContext } from './context.ts';
import { compareDescriptions } from './descriptions.ts';
import { eitherExposure, typeExposure } from './usage.ts';

/**
 * Enumeration types (CSDL XML 10), members matched by name: OData JSON sends members by
 * name (OData JSON 4.01, section 7.1), so a renamed member is a removal plus an addition.
 */
export function compareEnumTypes(context: DiffContext, oldType: EnumType, newType: EnumType): void {
  const name = newType.qualifiedName;
  const at = { old: oldType.source, new: newType.source };
  if (oldType.isFlags !== newType.isFlags) {
    const message = newType.isFlags ? 'Now a flags enum: values may combine members' : 'No longer a flags enum';
    record(context, { kind: 'enum-flags-changed', target: name, message, ...at });
  }
  if (oldType.underlyingType !== newType.underlyingType) {
    const message = `Underlying type changed from ${oldType.underlyingType} to ${newType.underlyingType}`;
    record(context, { kind: 'enum-underlying-type-changed', target: name, message, ...at });
  }
  const exposure = eitherExposure(typeExposure(context.old.usage, name), typeExposure(context.new.usage, name));
  const before = byKey(oldType.members, (member) => member.name);
  const after = byKey(newType.members, (member) => member.name);
  for (const memberName of unionKeys(before, after)) {
    const target = `${name}/${memberName}`;
    const oldMember = before.get(memberName);
    const newMember = after.get(memberName);
    if (oldMember && newMember) compareMember(context, target, oldMember, newMember);
    else if (oldMember) {
      const message = `Member removed (was ${oldMember.value})`;
      record(context, { kind: 'enum-member-removed', target, message, old: oldMember.source, new: newType.source, values: { old: String(oldMember.value) } });
    } else if (newMember) {
      const message = `Member added (${newMember.value})${exposure.read ? ', in values clients read' : ''}`;
      record(context, { kind: 'enum-member-added', target, message, old: oldType.source, new: newMember.source, exposure, values: { new: String(newMember.value) } });
    }
  }
}

function compareMember(context: DiffContext, target: string, oldMember: EnumMember, newMember: EnumMember): void {
  const at = { old: oldMember.source, new: newMember.source };
  compareDescriptions(context, target, oldMember, newMember, at);
  if (oldMember.value !== newMember.value) {
    const message = `Value changed from ${oldMember.value} to ${newMember.value}`;
    record(context, { kind: 'enum-member-value-changed', target, message, ...at, values: { old: String(oldMember.value), new: String(newMember.value) } });
  }
}
