/**
 * The request-builder runtime that generated clients import. It is copied verbatim into the
 * generated output (`runtime/client/`) and imports nothing from outside this folder.
 */

// The client
export { createClient } from './client.js';
export type { ClientOptions, FetchLike, HeaderValues, MediaContent, RawBody, RequestInitLike, RequestOptions, ResponseLike } from './send.js';
export type { QueryOptions } from './query.js';
export type { PagingOptions } from './paging.js';
export type { BatchBuilder, Batching, BatchResult, BatchResults } from './batch.js';
export type { CollectionNames, Comparand, FilterBuilder, FilterExpression, FilterLiteral, FilterOption, ScalarNames, StringNames, StructuredNames } from './filter.js';

// Errors
export { ODataRequestError, ODataValidationError, type ODataErrorBody, type ValidationProblem } from './errors.js';

// Validation
export type { ValidateHook, ValidationCheck } from './send.js';
export { validatorHook, type ValidateFunction, type ValidatorHookOptions, type ValidatorLike } from './validator-hook.js';

// URL literals
export { encodeSegment, keySegment, literal, type KeyValue } from './literals.js';

// The contract generated types are written in
export type { AddReference, CallOptions, Create, Entities, Entity, EntityReference, ExpandedNames, Keys, List, ListOptions, ODataPage, ODataValue, Read, ReadOptions, Remove, RemoveReference, Replace, Selected, SetReference, Update } from './verbs.js';
export type { EntityId, ListReferences, MediaValue, PrimitiveKeys, PropertyType, PropertyValue, ReadReference, StreamProperty } from './verbs.js';

// The route table generated code passes to createClient
export type { CallableRoute, LiteralKind, RouteTable, Target, TypeRoute } from './route-table.js';
