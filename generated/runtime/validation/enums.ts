import type { EnumTypeEntry } from './types.js';

/**
 * Enum values in JSON are strings (OData JSON 4.01, section 7.1; ABNF `enumValue`): a member
 * name or integer value, or for flags enums several joined by commas with no spaces.
 *
 * Graph's evolvable enums end with a sentinel member `unknownFutureValue`; members declared
 * with a greater value are only sent to clients that opt in with
 * `Prefer: include-unknown-enum-members`. They are reported as `evolvable`, and the engine
 * applies the caller's policy to them.
 */
export interface ResolvedEnum {
  name: string;
  flags: boolean;
  members: Map<string, number>;
  /** Union of all member values (flags). */
  allBits: number;
  /** Value of `unknownFutureValue`, when the enum has it. */
  sentinel?: number | undefined;
}

export type EnumResult =
  | undefined
  | { problem: { code: 'type' | 'enum'; expected: string; message: string } }
  | { evolvable: string[] };

export function resolveEnum(name: string, entry: EnumTypeEntry): ResolvedEnum {
  const members = new Map<string, number>();
  let allBits = 0;
  for (const member of Object.keys(entry.members)) {
    const value = entry.members[member]!;
    members.set(member, value);
    allBits |= value;
  }
  return { name, flags: entry.flags === true, members, allBits, sentinel: members.get('unknownFutureValue') };
}

function expectedText(type: ResolvedEnum): string {
  const names = [...type.members.keys()];
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, ...` : names.join(', ');
  return `${type.name}${type.flags ? ' (comma-separated)' : ''}: ${shown}`;
}

export function checkEnum(value: unknown, type: ResolvedEnum): EnumResult {
  if (typeof value !== 'string') return { problem: { code: 'type', expected: expectedText(type), message: 'enum values are strings' } };
  // An enum declared without members (Graph's auditLogRecordType) cannot be checked.
  if (type.members.size === 0) return undefined;
  // The common case, one known member at or before the sentinel, allocates nothing.
  const single = type.members.get(value);
  if (single !== undefined && (type.sentinel === undefined || single <= type.sentinel)) return undefined;
  const parts = type.flags ? value.split(',') : [value];
  const evolvable: string[] = [];
  for (const part of parts) {
    const member = type.members.get(part);
    if (member !== undefined) {
      if (type.sentinel !== undefined && member > type.sentinel) evolvable.push(part);
      continue;
    }
    if (/^-?\d+$/.test(part) && (type.flags ? (Number(part) & ~type.allBits) === 0 : [...type.members.values()].includes(Number(part)))) {
      continue;
    }
    const why = part !== part.trim() ? 'members are joined by commas without spaces' : `"${part.slice(0, 60)}" is not a member`;
    return { problem: { code: 'enum', expected: expectedText(type), message: why } };
  }
  return evolvable.length > 0 ? { evolvable } : undefined;
}
