import type { Profile } from '../profiles.ts';

/**
 * Every check of the suite, as data: what it asks, how strongly (RFC 2119 words), where the
 * rule comes from, and the profiles it belongs to. Which operations a check applies to is
 * decided in `plan.ts`; how it runs, in the runner's scripts. The order here is the order of
 * checks within an operation in every report.
 */
export type CheckSeverity = 'MUST' | 'SHOULD' | 'MAY';

export interface CheckDefinition {
  title: string;
  severity: CheckSeverity;
  /** The spec clause or doc page behind the rule. */
  reference: string;
  profiles: readonly Profile[];
}

const ALL = ['graph', 'odata', 'lenient'] as const;
const STRICT = ['graph', 'odata'] as const;
/** OData's own rules that Graph's pages (and the mocks written from them) do not follow. */
const ODATA = ['odata'] as const;

export const CHECKS = {
  'operation/handled': {
    title: 'The operation is handled',
    severity: 'MUST',
    reference: 'The operation is in the model (CSDL, or a Graph reference page that documents it)',
    profiles: ALL,
  },
  'status/success': {
    title: 'A valid request answers the expected success status',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §9.1 and §11.4; the Response section of the Graph reference page',
    profiles: ALL,
  },
  'content-type/json': {
    title: 'A JSON body is labelled application/json',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §8.1.1 Content-Type; OData JSON Format 4.0 §3',
    profiles: ALL,
  },
  'header/odata-version': {
    title: 'Responses carry OData-Version',
    severity: 'SHOULD',
    reference: 'OData Protocol 4.0 §8.1.5 OData-Version',
    profiles: STRICT,
  },
  'header/odata-metadata': {
    title: 'A JSON response names its odata.metadata in Content-Type',
    severity: 'MUST',
    reference: 'OData JSON Format 4.01 §4.1 Header Content-Type (responses MUST include the odata.metadata parameter)',
    profiles: ODATA,
  },
  'header/not-acceptable': {
    title: 'An Accept the service cannot serve answers 406',
    severity: 'SHOULD',
    reference: 'OData Protocol 4.01 §8.2.1 Header Accept; RFC 9110 §12.5.1 and §15.5.7 406 Not Acceptable',
    profiles: ODATA,
  },
  'header/location': {
    title: 'A create answers a Location that leads to the created entity',
    severity: 'MUST',
    reference: 'OData Protocol 4.01 §11.4.2 Create an Entity (the response MUST contain a Location header with the edit or read URL); RFC 9110 §10.2.2 (resolved against the request URL)',
    profiles: STRICT,
  },
  'body/context': {
    title: '@odata.context resolves to the metadata document and names the right entity set or containment path',
    severity: 'MUST',
    reference: 'OData JSON Format 4.01 §4.5.1 Control Information context, §10 Context URL',
    profiles: ALL,
  },
  'body/valid': {
    title: 'The response body matches the model',
    severity: 'MUST',
    reference: 'OData JSON Format 4.0 §6 Entity, §7 Structural Property, §12 Collection of Entities',
    profiles: ALL,
  },
  'body/key': {
    title: 'Entities in responses carry their key',
    severity: 'MUST',
    reference: 'OData CSDL 4.0 §8.2 Key; OData JSON Format 4.0 §4.5.8 (the entity id is built from the key)',
    profiles: ALL,
  },
  'sequence/create-read': {
    title: 'What was created reads back as it was sent',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §11.4.2 Create an Entity; §11.4.4 Upsert an Entity',
    profiles: ALL,
  },
  'sequence/update-merge': {
    title: 'PATCH changes what it sends and keeps the rest',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §11.4.3 Update an Entity (PATCH: merge semantics)',
    profiles: ALL,
  },
  'sequence/replace': {
    title: 'PUT replaces: properties left out return to their default',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §11.4.3 Update an Entity (PUT: replace semantics)',
    profiles: ALL,
  },
  'sequence/put-replace': {
    title: 'PUT, where the service supports it, replaces the entity and refuses a body without a required property',
    severity: 'MUST',
    reference: 'OData Protocol 4.01 §11.4.3 Update an Entity (services MAY support PUT; PUT MUST replace: missing properties set to their default)',
    profiles: ODATA,
  },
  'sequence/delete-read': {
    title: 'After DELETE the entity is gone, and deleting it again answers 404',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §11.4.5 Delete an Entity; §11.2.6 Requesting Related Entities (204 for no entity)',
    profiles: ALL,
  },
  'status/not-found': {
    title: 'An unknown key answers 404',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §11.2.2 Requesting Individual Entities; §9.2.1 404 Not Found',
    profiles: ALL,
  },
  'input/unknown-property': {
    title: 'An unknown property (or parameter) is refused with 400',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §11.4.2 (a service MUST fail if it cannot persist every property sent); OData CSDL 4.0 §6.3 (only open types take dynamic properties)',
    profiles: ALL,
  },
  'input/wrong-type': {
    title: 'A value of the wrong type, or out of its type\'s range, is refused with 400',
    severity: 'MUST',
    reference: 'OData JSON Format 4.0 §7 Structural Property; OData CSDL 4.01 §4.4 Primitive Types (value ranges); OData Protocol 4.0 §9.2 Client Error Responses',
    profiles: ALL,
  },
  'input/read-only-key': {
    title: 'PATCH cannot change the key: it is ignored (the key unchanged afterwards) or refused with 400',
    severity: 'MUST',
    reference: 'OData Protocol 4.01 §11.4.3 (key and other non-updatable property values in an update MUST be ignored; a service may refuse them with 400); Graph reference pages mark keys read-only',
    profiles: ALL,
  },
  'input/malformed-json': {
    title: 'A body that is not JSON is refused with 400',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §9.2 Client Error Responses; RFC 9110 §15.5.1 400 Bad Request',
    profiles: ALL,
  },
  'input/content-type': {
    title: 'A body that is not application/json is refused with 415',
    severity: 'MUST',
    reference: 'OData JSON Format 4.0 §3; RFC 9110 §15.5.16 415 Unsupported Media Type',
    profiles: ALL,
  },
  'input/method': {
    title: 'A method the resource does not support answers 405',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §9.2.2 405 Method Not Allowed',
    profiles: ALL,
  },
  'error/shape': {
    title: 'Errors are OData errors: { "error": { "code", "message" } }',
    severity: 'MUST',
    reference: 'OData JSON Format 4.0 §19 Error Response',
    profiles: ALL,
  },
  'robustness/throws': {
    title: 'The handler never throws or answers 5xx',
    severity: 'MUST',
    reference: 'OData Protocol 4.0 §9.2 (a bad request is the client\'s error: 4xx, not 5xx)',
    profiles: ALL,
  },
  'state/isolation': {
    title: 'Nothing created in one run is visible after a reset (advice on the test setup, not an OData rule)',
    severity: 'SHOULD',
    reference: 'Not an OData requirement: msw handlers are shared between tests, so a mock should be able to reset its state between them (export reset())',
    profiles: ALL,
  },
  'robustness/client-error': {
    title: 'Client mistakes sent on purpose answer 4xx, never 5xx',
    severity: 'MUST',
    reference: 'OData Protocol 4.01 §9.2 (4xx for client errors), §9.3 (5xx only for server errors); OData CSDL 4.01 §7.2.1 Nullable',
    profiles: ALL,
  },
  'query/invalid': {
    title: '$top=-1 and $skip=-1 are refused with 400',
    severity: 'MUST',
    reference: 'OData URL Conventions 4.01 §5.1.5 $top and $skip (a non-negative integer); OData Protocol 4.01 §9.2 (an invalid request answers 400)',
    profiles: STRICT,
  },
  'query/filter': {
    title: '$filter returns only, and all of, the members it matches (eq; and/or with gt or ne)',
    severity: 'MUST',
    reference: 'OData URL Conventions 4.01 §5.1.1 System Query Option $filter; OData Protocol 4.01 §11.2.6.1 (only members for which the expression is true)',
    profiles: STRICT,
  },
  'query/orderby': {
    title: '$orderby orders the members, ascending and descending, on several keys',
    severity: 'MUST',
    reference: 'OData URL Conventions 4.01 §5.1.4 System Query Option $orderby; OData Protocol 4.01 §11.2.6.2',
    profiles: STRICT,
  },
  'query/top-skip': {
    title: '$top and $skip page a collection, and following @odata.nextLink returns every member once',
    severity: 'SHOULD',
    reference: 'OData URL Conventions 4.01 §5.1.5 $top and $skip; OData Protocol 4.01 §11.2.6.3 $top, §11.2.6.4 $skip, §11.2.6.7 Server-Driven Paging',
    profiles: STRICT,
  },
  'query/count': {
    title: '$count=true adds @odata.count and /$count answers the count, both after $filter',
    severity: 'SHOULD',
    reference: 'OData URL Conventions 4.01 §5.1.6 $count and §4.8 Addressing the Count of a Collection; OData Protocol 4.01 §11.2.6.5 $count, §11.2.10 Requesting the Number of Items in a Collection',
    profiles: STRICT,
  },
  'query/select': {
    title: '$select returns the properties asked for',
    severity: 'SHOULD',
    reference: 'OData Protocol 4.0 §11.2.4.1 System Query Option $select',
    profiles: STRICT,
  },
  'query/expand': {
    title: '$expand inlines a contained navigation',
    severity: 'MAY',
    reference: 'OData Protocol 4.0 §11.2.4.2 System Query Option $expand',
    profiles: STRICT,
  },
} as const satisfies Record<string, CheckDefinition>;

export type CheckId = keyof typeof CHECKS;

export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];
