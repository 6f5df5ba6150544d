/**
 * The request-builder runtime that generated clients import. It is copied verbatim into the
 * generated output (`runtime/client/`) and imports nothing from outside this folder.
 */

// The client
export { createClient } from './client.ts';
export type { ClientOptions, FetchLike, HeaderValues, MediaContent, RawBody, RequestInitLike, RequestOptions, ResponseLike } from './send.ts';
export type { QueryOptions } from './query.ts';
export type { PagingOptions } from './paging.ts';
export type { BatchBuilder, Batching, BatchResult, BatchResults } from './batch.ts';
export type { CollectionNames, Comparand, FilterBuilder, FilterExpression, FilterLiteral, FilterOption, ScalarNames, StringNames, StructuredNames } from './filter.ts';

// Errors
export { ODataRequestError, ODataValidationError, type ODataErrorBody, type ValidationProblem } from './errors.ts';

// Validation
export type { ValidateHook, ValidationCheck } from './send.ts';
export { validatorHook, type ValidateFunction, type ValidatorHookOptions, type ValidatorLike } from './validator-hook.ts';

// URL literals
export { encodeSegment, keySegment, literal, type KeyValue } from './literals.ts';

// The contract generated types are written in
export type { AddReference, CallOptions, Create, Entities, Entity, EntityReference, ExpandedNames, Keys, List, ListOptions, ODataPage, ODataValue, Read, ReadOptions, Remove, RemoveReference, Replace, Selected, SetReference, Update } from './verbs.ts';
export type { EntityId, ListReferences, MediaValue, PrimitiveKeys, PropertyType, PropertyValue, ReadReference, StreamProperty } from './verbs.ts';

// The route table generated code passes to createClient
export type { CallableRoute, LiteralKind, RouteTable, Target, TypeRoute } from './route-table.ts';
