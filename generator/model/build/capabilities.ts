import type { Annotation, AnnotationValue, Capabilities } from '../types.ts';

/**
 * Interprets the Capabilities vocabulary's restrictions that decide which operations exist
 * (Org.OData.Capabilities.V1: Read/Insert/Update/Delete/NavigationRestrictions).
 */
const CAPABILITIES = 'Org.OData.Capabilities.V1.';

type Record_ = Record<string, AnnotationValue>;

function asRecord(value: AnnotationValue | undefined): Record_ | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function asBoolean(value: AnnotationValue | undefined): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** `{ "$EnumMember": "Org.OData.Capabilities.V1.HttpMethod/PUT" }` -> `PUT`. */
export function enumMemberName(value: AnnotationValue | undefined): string | undefined {
  const record = asRecord(value);
  const member = record?.['$EnumMember'] ?? (typeof value === 'string' ? value : undefined);
  if (typeof member !== 'string') return undefined;
  // Flags enums can list several members separated by spaces; we take the first.
  const first = member.trim().split(/\s+/)[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}

export function capabilitiesFromRecord(record: Record_, into: Capabilities = {}): Capabilities {
  const readable = asBoolean(asRecord(record['ReadRestrictions'])?.['Readable']);
  if (readable !== undefined) into.readable = readable;
  const insertable = asBoolean(asRecord(record['InsertRestrictions'])?.['Insertable']);
  if (insertable !== undefined) into.insertable = insertable;
  applyUpdate(asRecord(record['UpdateRestrictions']), into);
  const deletable = asBoolean(asRecord(record['DeleteRestrictions'])?.['Deletable']);
  if (deletable !== undefined) into.deletable = deletable;
  return into;
}

function applyUpdate(update: Record_ | undefined, into: Capabilities): void {
  if (!update) return;
  const updatable = asBoolean(update['Updatable']);
  if (updatable !== undefined) into.updatable = updatable;
  const method = enumMemberName(update['UpdateMethod']);
  if (method === 'PUT' || method === 'PATCH') into.updateMethod = method;
}

function applyNavigation(navigation: Record_, into: Capabilities): void {
  const navigability = enumMemberName(navigation['Navigability']);
  if (navigability === 'Recursive' || navigability === 'Single' || navigability === 'None') into.navigability = navigability;
  const restricted = navigation['RestrictedProperties'];
  if (!Array.isArray(restricted)) return;
  for (const item of restricted) {
    const record = asRecord(item);
    const path = asRecord(record?.['NavigationProperty'])?.['$NavigationPropertyPath'];
    if (!record || typeof path !== 'string') continue;
    into.restrictedNavigation ??= {};
    const nested = capabilitiesFromRecord(record, into.restrictedNavigation[path] ?? {});
    const nestedNavigability = enumMemberName(record['Navigability']);
    if (nestedNavigability === 'Recursive' || nestedNavigability === 'Single' || nestedNavigability === 'None') {
      nested.navigability = nestedNavigability;
    }
    into.restrictedNavigation[path] = nested;
  }
}

/** Capabilities stated by an element's annotations. */
export function capabilitiesOf(annotations: Annotation[]): Capabilities {
  const capabilities: Capabilities = {};
  for (const annotation of annotations) {
    if (!annotation.term.startsWith(CAPABILITIES) || annotation.qualifier !== undefined) continue;
    const term = annotation.term.slice(CAPABILITIES.length);
    const record = asRecord(annotation.value);
    if (!record) continue;
    if (term === 'NavigationRestrictions') applyNavigation(record, capabilities);
    else capabilitiesFromRecord({ [term]: record }, capabilities);
  }
  return capabilities;
}
