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
  'input/fetch-failed': { severity: 'error', message: 'Cannot fetch {url}: {reason}' },

  // CSDL XML.
  'csdl/malformed-xml': { severity: 'error', message: 'Malformed XML: {reason}' },
  'csdl/doctype-refused': {
    severity: 'error',
    message: 'DOCTYPE and entity declarations are refused (no entity expansion in untrusted input)',
  },
  'csdl/not-edmx': {
    severity: 'error',
    message: 'Not a CSDL document: the root element is <{element}>{namespace}, expected <Edmx> in the namespace http://docs.oasis-open.org/odata/ns/edmx (CSDL XML) or a CSDL JSON object',
  },
  'csdl/unsupported-version': {
    severity: 'error',
    message: 'This is an {version} document ({evidence}); odatakit reads only OData V4 metadata (CSDL 4.0/4.01, XML or JSON)',
  },
  'csdl/wrong-namespace': { severity: 'error', message: '<{element}> is in {found}, not in the CSDL namespace {expected}, so it is not CSDL' },
  'csdl/malformed-json': { severity: 'error', message: 'Malformed JSON: {reason}' },
  'csdl/not-csdl-json': { severity: 'error', message: 'Not a CSDL JSON document: {reason}' },
  'csdl/unresolved-reference': {
    severity: 'warning',
    message: 'Reference {uri} ({namespaces}) was not read: {reason}. Types from it are unknown: pass the referenced document with --csdl (a file, or the URL of its $metadata)',
  },
  'csdl/unread-vocabulary': {
    severity: 'info',
    message: 'Reference {uri} ({namespaces}) was not read: {reason}. Annotations with its terms are kept as written, not interpreted; to read it, pass it with --csdl',
  },
  'csdl/missing-attribute': { severity: 'error', message: '<{element}> has no {attribute} attribute' },
  'csdl/invalid-attribute': { severity: 'error', message: '<{element}> {attribute}="{value}" is invalid: {reason}' },
  'csdl/unresolved-type': { severity: 'error', message: 'Type {type} referenced by {element} is not defined' },
  'csdl/unresolved-namespace': { severity: 'error', message: 'Namespace or alias {namespace} in {name} is not defined' },
  'csdl/duplicate-name': { severity: 'error', message: '{name} is defined more than once (first at {first})' },
  'csdl/several-services': {
    severity: 'error',
    message:
      'Entity container {container} is another service than {first} (at {at}); odatakit builds one service per run: run it once per service, each with its own --out',
  },
  'csdl/name-clash': { severity: 'warning', message: '{name} names both a type (at {first}) and an action or function' },
  'csdl/cyclic-base-type': { severity: 'error', message: 'Base type chain of {type} is cyclic: {chain}' },
  'csdl/base-type-kind': { severity: 'error', message: 'Base type {baseType} of {type} is not a {kind} type' },
  'csdl/missing-key': { severity: 'warning', message: 'Entity type {type} has no key, declared or inherited' },
  'csdl/unknown-key-property': { severity: 'error', message: 'Key property {property} is not a property of {type}' },
  'csdl/empty-enum': { severity: 'warning', message: 'Enum type {type} has no members' },
  'csdl/nullable-key': {
    severity: 'warning',
    message: 'Key property {property} of {type} is nullable, but CSDL says key properties are not; it is read as Nullable="false"',
  },
  'csdl/key-type': {
    severity: 'warning',
    message:
      'Key property {property} of {type} is {keyType}, which CSDL does not allow in a key (only Edm.Boolean, Byte, Date, DateTimeOffset, Decimal, Duration, Guid, Int16, Int32, Int64, SByte, String, TimeOfDay, enumerations and type definitions of them)',
  },
  'csdl/inapplicable-facet': { severity: 'warning', message: '{facet} does not apply to {type} ({element}); it is ignored' },
  'csdl/unknown-attribute': { severity: 'warning', message: '<{element}> has no attribute {attribute} in CSDL{suggestion}; it is ignored' },
  'csdl/unknown-element': { severity: 'warning', message: '<{element}> is not a CSDL element inside <{parent}>{suggestion}; it is ignored' },
  'csdl/stray-text': { severity: 'warning', message: '<{element}> contains text ("{text}"), which CSDL does not allow there; it is ignored' },
  'csdl/unresolved-annotation-target': { severity: 'warning', message: 'Annotation target {target} does not exist: {reason}' },
  'csdl/unsupported-annotation-target': {
    severity: 'warning',
    message: 'Annotation target {target} is a form odatakit does not support ({reason}); its annotations are not kept',
  },
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

  // validate-docs: reference pages checked against the schema (CSDL, or the docs themselves).
  'validate/json-syntax': { severity: 'error', message: 'JSON {where} does not parse: {reason}' },
  'validate/duplicate-key': { severity: 'warning', message: 'Member "{name}" occurs more than once in this object ({pointer}); JSON readers keep only the last' },
  'validate/unpaired-request': { severity: 'warning', message: 'Request example {name} has no response example' },
  'validate/unpaired-response': { severity: 'warning', message: 'Response example {name} answers no request example of this page' },
  'validate/duplicate-example-name': { severity: 'warning', message: 'Two {kind} examples are named "{name}"' },
  'validate/unknown-type': { severity: 'error', message: '{where} names {type}, which is not a type of the {schema}' },
  'validate/unknown-path': { severity: 'error', message: '{method} {path} matches no operation of the {schema}' },
  'validate/method-not-allowed': { severity: 'error', message: '{method} is not an operation of {template} in the {schema} (it has {methods})' },
  'validate/query-option': { severity: 'error', message: 'Query option {option}: {reason}' },
  'validate/key-value': { severity: 'error', message: 'Key segment {value} is not a valid {type} for {property} ({reason})' },
  'validate/service-root': { severity: 'warning', message: 'The URL is under {root}, but the page documents {version}' },
  'validate/unexpected-request-body': { severity: 'warning', message: 'A {method} request has no body in this operation ({intent}), but the example sends one' },
  'validate/missing-request-body': { severity: 'warning', message: 'The {intent} request {method} {template} takes a {type} body, but the example sends none' },
  'validate/property-not-in-request-table': {
    severity: 'warning',
    message: 'The request sends {property}, which the Request body table of this page does not list',
  },
  'validate/unknown-parameter': { severity: 'error', message: 'The request body passes {parameter}, which is not a parameter of {callable}' },
  'validate/status-mismatch': { severity: 'error', message: 'The response example has status {status}, but the page documents {expected} for {operation}' },
  'validate/no-content-with-body': { severity: 'error', message: 'A {status} response has no body, but the example shows one' },
  'validate/missing-response-body': { severity: 'warning', message: 'The annotation says the response is {type}, but the example has no body' },
  'validate/response-type-mismatch': { severity: 'error', message: 'The annotation says {annotated}, but {operation} returns {expected}' },
  'validate/value-wrapper': { severity: 'error', message: 'A single {type} is wrapped in "value", as if it were a collection; the object itself is the body' },
  'validate/wrong-value': { severity: 'error', message: '{where} {pointer}: {message} (expected {expected}, found {received})' },
  'validate/unknown-property': { severity: 'error', message: '{where} {pointer}: {type} has no property {property}' },
  'validate/undeclared-property': {
    severity: 'warning',
    message: '{where} {pointer}: {type} does not declare {property} (the type is open, so the service would take it as a dynamic property)',
  },
  'validate/not-writable': { severity: 'error', message: '{where} {pointer}: {message}' },
  'validate/read-only-in-create': { severity: 'warning', message: '{where} {pointer}: {message}' },
  'validate/wrong-odata-type': { severity: 'error', message: '{where} {pointer}: {message} (expected {expected})' },
  'validate/abstract-type': { severity: 'warning', message: '{where} {pointer}: {message}' },
  'validate/evolvable-enum': { severity: 'warning', message: '{where} {pointer}: {message}' },
  'validate/date-format': {
    severity: 'warning',
    message: '{where} {pointer}: {value} is not a date and time (Edm.DateTimeOffset), which Graph names ending in DateTime hold',
  },
  'validate/resource-type-mismatch': { severity: 'error', message: 'The annotation says {annotated}, but {witnesses} describe {other}' },
  'validate/key-mismatch': { severity: 'error', message: 'keyProperty is {docs}, but the key of {type} in the CSDL is {csdl}' },
  'validate/key-not-in-json': { severity: 'warning', message: 'keyProperty {key} is missing from the JSON representation' },
  'validate/key-cue-mismatch': { severity: 'error', message: 'The table marks {property} as Key, but the key of {type} is {key}' },
  'validate/read-only-cue-missing': { severity: 'warning', message: '{property} is {why} in the CSDL, but the table does not say Read-only' },
  'validate/property-type-mismatch': { severity: 'error', message: '{property}: {claim} says {type}, but {others} {verb} {expected}' },
  'validate/property-missing-from-json': { severity: 'warning', message: 'The table lists {property}, but the JSON representation leaves it out' },
  'validate/property-not-in-table': { severity: 'warning', message: 'The JSON representation has {property}, which the properties table does not list' },
  'validate/property-not-documented': { severity: 'warning', message: '{type} has {kind} {property} in the CSDL, but the page does not document it' },
  'validate/property-not-in-csdl': { severity: 'warning', message: 'The page documents {property}, which {type} does not have in the CSDL' },
  'validate/type-not-in-csdl': { severity: 'warning', message: 'The page documents {type}, which is not a type of the CSDL' },
  'validate/base-type-mismatch': { severity: 'error', message: '{claim} says the base type is {docs}, but {other} says {expected}' },
  'validate/unknown-base-type': { severity: 'error', message: '{claim} names base type {docs}, which is not a type of the {schema}' },
  'validate/open-type-mismatch': { severity: 'warning', message: 'The annotation says openType {docs}, but {type} is {csdl} in the CSDL{why}' },
  'validate/invalid-suppression': { severity: 'warning', message: 'Suppressions should be an array of strings; {reason}' },
  'validate/bad-baseline': { severity: 'error', message: 'Baseline {path} is unusable: {reason}' },

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
  'generate/template-error': { severity: 'error', message: 'A template from --templates {path} fails: {reason}' },

  // diff --impact: the user's project and the generated code it compiles against.
  'impact/unusable-tsconfig': { severity: 'error', message: 'Cannot load the TypeScript project {path}: {reason}' },
  'impact/no-generated-code': {
    severity: 'error',
    message: 'No generated code of the old schema in {dir} ({reason}); pass --generated <dir>, the folder odatakit generate wrote',
  },
  'impact/generated-not-used': { severity: 'error', message: 'The project {path} does not import the generated code in {dir}: there is nothing to analyse' },
  'impact/stale-generated-code': {
    severity: 'warning',
    message: 'The generated code in {dir} was not generated from the old schema ({reason}); findings assume it was',
  },
  'impact/usage': { severity: 'error', message: '{reason}' },

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
  'csdl/unsupported-version',
  'csdl/wrong-namespace',
  'csdl/malformed-json',
  'csdl/not-csdl-json',
  'csdl/several-services',
  'docs/malformed-annotation',
]);
