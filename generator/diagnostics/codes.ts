/**
 * Every diagnostic odatakit reports, in one table: code, severity, message template.
 * Templates use `{name}` placeholders filled from the diagnostic's arguments.
 * Codes are grouped by the stage that reports them: `input/`, `csdl/`, `docs/`, `merge/`,
 * `validate/` (docs validation), `internal/`.
 */
export const DIAGNOSTICS = {
  // Reading input files.
  'input/not-found': { severity: 'error', message: 'Cannot read {path}: {reason}' },
  'input/unsupported': { severity: 'error', message: '{path} is neither a CSDL file nor a markdown page or folder' },
  'input/extra-argument': { severity: 'error', message: 'Unexpected argument {path}: {reason}' },

  // CSDL XML.
  'csdl/malformed-xml': { severity: 'error', message: 'Malformed XML: {reason}' },
  'csdl/doctype-refused': {
    severity: 'error',
    message: 'DOCTYPE and entity declarations are refused (no entity expansion in untrusted input)',
  },
  'csdl/not-edmx': { severity: 'error', message: 'Root element is <{element}>, expected <edmx:Edmx>' },
  'csdl/missing-attribute': { severity: 'error', message: '<{element}> has no {attribute} attribute' },
  'csdl/invalid-attribute': { severity: 'error', message: '<{element}> {attribute}="{value}" is invalid: {reason}' },
  'csdl/unresolved-type': { severity: 'error', message: 'Type {type} referenced by {element} is not defined' },
  'csdl/unresolved-namespace': { severity: 'error', message: 'Namespace or alias {namespace} in {name} is not defined' },
  'csdl/duplicate-name': { severity: 'error', message: '{name} is defined more than once (first at {first})' },
  'csdl/name-clash': { severity: 'warning', message: '{name} names both a type (at {first}) and an action or function' },
  'csdl/cyclic-base-type': { severity: 'error', message: 'Base type chain of {type} is cyclic: {chain}' },
  'csdl/base-type-kind': { severity: 'error', message: 'Base type {baseType} of {type} is not a {kind} type' },
  'csdl/missing-key': { severity: 'warning', message: 'Entity type {type} has no key, declared or inherited' },
  'csdl/unknown-key-property': { severity: 'error', message: 'Key property {property} is not a property of {type}' },
  'csdl/empty-enum': { severity: 'warning', message: 'Enum type {type} has no members' },
  'csdl/unresolved-annotation-target': { severity: 'warning', message: 'Annotation target {target} does not exist' },
  'csdl/unresolved-binding': { severity: 'warning', message: 'Navigation property binding {path} -> {target} does not resolve' },
  'csdl/unresolved-callable': { severity: 'error', message: '{kind} import {name} refers to {operation}, which is not defined' },

  // Graph docs markdown.
  'docs/malformed-annotation': { severity: 'error', message: 'Annotation comment is not valid JSON: {reason}' },
  'docs/unknown-block-type': { severity: 'warning', message: 'Unknown blockType "{blockType}"' },
  'docs/unannotated-example': { severity: 'warning', message: 'This {language} code block of an example has no annotation comment' },
  'docs/orphan-annotation': { severity: 'warning', message: 'Annotation comment of blockType "{blockType}" is not followed by a code block' },
  'docs/malformed-json': { severity: 'error', message: 'JSON body does not parse: {reason}' },
  'docs/malformed-http': { severity: 'error', message: 'HTTP block does not start with a request or status line: {line}' },
  'docs/broken-link': { severity: 'warning', message: 'Link to {target} does not resolve to a page' },
  'docs/unknown-type-text': { severity: 'warning', message: 'Type "{text}" in the properties table is not understood' },
  'docs/malformed-front-matter': { severity: 'error', message: 'Front matter is not valid YAML: {reason}' },
  'docs/duplicate-type': { severity: 'warning', message: 'Type {type} is documented more than once; the page at {first} is used' },
  'docs/invalid-annotation-value': {
    severity: 'warning',
    message: 'Annotation field "{field}" should be {expected}; the value is ignored',
  },

  // Merging docs into a CSDL model.
  'merge/key-mismatch': { severity: 'warning', message: 'Key of {type}: docs say {docs}, CSDL says {csdl} (at {other})' },
  'merge/open-type-mismatch': { severity: 'warning', message: 'openType of {type}: docs say {docs}, CSDL says {csdl} (at {other})' },
  'merge/base-type-mismatch': { severity: 'warning', message: 'Base type of {type}: docs say {docs}, CSDL says {csdl} (at {other})' },
  'merge/property-type-mismatch': {
    severity: 'warning',
    message: 'Property {type}/{property}: docs say {docs}, CSDL says {csdl} (at {other})',
  },
  'merge/property-only-in-docs': { severity: 'warning', message: 'Property {type}/{property} is in the docs but not in the CSDL' },
  'merge/property-only-in-csdl': { severity: 'warning', message: 'Property {type}/{property} is in the CSDL (at {other}) but not in the docs' },
  'merge/key-cue-on-non-key': {
    severity: 'warning',
    message: 'Property {type}/{property} is marked Key in the docs, but the key is {key} (at {other})',
  },
  'merge/type-only-in-docs': { severity: 'warning', message: 'Type {type} is documented but not in the CSDL' },
  'merge/unknown-operation-path': { severity: 'warning', message: 'Documented operation {method} {path} does not resolve in the CSDL' },
  'merge/operation-only-in-docs': {
    severity: 'info',
    message: 'Documented operation {method} {path} is not among the CSDL operations; added from the docs',
  },

  // Generate: the config file and the output folder.
  'config/invalid': { severity: 'error', message: 'Invalid configuration: {reason}' },
  'output/escapes-out': { severity: 'error', message: 'Refusing to write {path}: it is outside the output folder {out} ({reason})' },
  'output/not-ours': {
    severity: 'error',
    message: '{path} exists and was not written by odatakit (not in {manifest}); move or delete it, or choose another --out',
  },
  'output/not-a-folder': { severity: 'error', message: 'The output folder {out} exists and is not a folder' },
  'output/bad-manifest': { severity: 'warning', message: 'Manifest {path} is unusable ({reason}); no stale file will be removed' },
  'generate/input-errors': { severity: 'error', message: 'The input has {count} error(s); nothing was written' },
  'generate/usage': { severity: 'error', message: '{reason}' },

  // Conformance suite: targets it cannot run against.
  'conformance/unusable-target': { severity: 'error', message: 'Cannot run the suite against {target}: {reason}' },

  // Our own bugs, told apart from the user's mistakes.
  'internal/error': { severity: 'error', message: 'Internal error in odatakit (a bug, please report it): {reason}' },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'info'; message: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
export type Severity = 'error' | 'warning' | 'info';

/**
 * Codes that make an input unusable for building a model (the CLI exits 2 on them): the
 * file is not the XML or the annotation JSON it claims to be. `validate-docs` treats the
 * docs ones as findings instead, since finding them is its job.
 */
export const UNUSABLE_INPUT_CODES: ReadonlySet<string> = new Set<DiagnosticCode>([
  'csdl/malformed-xml',
  'csdl/doctype-refused',
  'csdl/not-edmx',
  'docs/malformed-annotation',
]);
