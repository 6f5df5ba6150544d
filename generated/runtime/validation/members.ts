import { checkInstanceAnnotation, checkPropertyAnnotation } from './annotations.js';
import type { Check, Compiler } from './compile.js';
import type { ResolvedStructured } from './resolve.js';
import { PROPERTY_FLAGS, type IssueSeverity, type PropertyEntry, type ValidationIssueCode, type ValidationMode } from './types.js';
import { report, requestError } from './walk.js';

/**
 * The members of one object: declared and inherited properties, navigation properties,
 * annotations, and dynamic properties of open types (OData CSDL 4.01, section 6.3). Other
 * names are unknown: an error in requests, a warning in responses, where services may be
 * newer than the schema at hand.
 */
interface Member {
  check: Check;
  /** Reported whenever the member is present in this mode (a key in an update...). */
  restriction?: Restriction;
}

interface Restriction {
  code: ValidationIssueCode;
  severity: IssueSeverity;
  expected: string;
  message: string;
}

export function membersCheck(compiler: Compiler, type: ResolvedStructured, mode: ValidationMode): Check {
  // Compiled on first use, so that recursive types (a folder holding folders) terminate.
  let members: Map<string, Member> | undefined;
  return (value, walk) => {
    members ??= compileMembers(compiler, type, mode);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      walk.path[walk.size++] = key;
      const member = members.get(key);
      if (member !== undefined) {
        const restriction = member.restriction;
        if (restriction !== undefined) report(walk, restriction.code, restriction.severity, restriction.expected, record[key], restriction.message);
        member.check(record[key], walk);
      } else if (key.charCodeAt(0) === 64 /* @ */) {
        checkInstanceAnnotation(key, record[key], walk);
      } else {
        const at = key.indexOf('@');
        if (at > 0) checkPropertyAnnotation(type, key, at, record[key], walk);
        else if (!type.open) report(walk, 'unknown-property', requestError(walk), `a property of ${type.name}`, record[key], `${type.name} has no property ${key}`);
        else if (walk.dynamicProperties !== 'accept') {
          report(walk, 'dynamic-property', walk.dynamicProperties, `a declared property of ${type.name}`, record[key], `${key} is not declared; ${type.name} is open, so it is a dynamic property`);
        }
      }
      walk.size--;
      if (walk.stopped) return;
    }
  };
}

function compileMembers(compiler: Compiler, type: ResolvedStructured, mode: ValidationMode): Map<string, Member> {
  const members = new Map<string, Member>();
  for (const [name, entry] of type.properties) {
    members.set(name, { check: compiler.property(entry, mode), restriction: restriction(type, name, entry, mode) });
  }
  for (const [name, entry] of type.navigation) members.set(name, { check: compiler.navigation(entry, mode) });
  return members;
}

/**
 * What a client may not send. Update (PATCH, PUT as replace): keys never change (OData 4.01
 * Protocol, section 11.4.3), Core.Computed and Core.Permissions Read are the service's,
 * Core.Immutable is set on insert only. Create: computed and read-only values are ignored by
 * services, so sending them is only a warning.
 */
function restriction(type: ResolvedStructured, name: string, entry: PropertyEntry, mode: ValidationMode): Restriction | undefined {
  const flags = entry[1];
  const readOnly = (flags & (PROPERTY_FLAGS.computed | PROPERTY_FLAGS.readOnly)) !== 0;
  const why = (flags & PROPERTY_FLAGS.computed) !== 0 ? 'computed by the service (Core.Computed)' : 'read-only (Core.Permissions)';
  if (mode === 'update') {
    if (type.keys.has(name)) return { code: 'key-in-update', severity: 'error', expected: 'no key property', message: `${name} is the key of ${type.name} and cannot be updated` };
    if (readOnly) return { code: 'read-only', severity: 'error', expected: 'no read-only property', message: `${name} is ${why}` };
    if ((flags & PROPERTY_FLAGS.immutable) !== 0) return { code: 'immutable', severity: 'error', expected: 'no immutable property', message: `${name} can only be set on create (Core.Immutable)` };
  } else if (mode === 'create' && readOnly) {
    return { code: 'read-only', severity: 'warning', expected: 'no read-only property', message: `${name} is ${why}; the service ignores it` };
  }
  return undefined;
}
