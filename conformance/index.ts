/**
 * The odatakit conformance kit: reference msw handlers for a model, and a suite that checks
 * msw handlers or a running server against the model. The vitest entry is `conformance/vitest.ts`.
 */

// Reference handlers
export { createHandlers } from './handlers/create-handlers.ts';
export { DEFAULT_SERVICE_ROOT, type HandlerOptions } from './handlers/options.ts';
export { createStore, type Store, type StoredEntity } from './handlers/store.ts';

// The suite
export { runSuite, type SuiteOptions, type SuiteReport } from './runner/run-suite.ts';
export { TargetError } from './runner/target-error.ts';
export { emptyPlanReason, planSuite, type PlanOptions, type PlannedCheck, type SuitePlan } from './runner/plan.ts';
export type { CheckResult } from './runner/results.ts';
export { CHECK_IDS, CHECKS, type CheckDefinition, type CheckId, type CheckSeverity } from './checks/catalog.ts';
export { PROFILES, type Profile } from './profiles.ts';

// Targets
export { handlersTarget, type HandlersTargetOptions } from './runner/targets/handlers-target.ts';
export { baseUrlTarget, type BaseUrlTargetOptions } from './runner/targets/base-url-target.ts';
export { loadHandlersModule, type HandlersModule } from './runner/targets/load-module.ts';
export type { Target } from './runner/targets/target.ts';
export type { Exchange, SentRequest } from './runner/exchange.ts';
export { serveHandlers, type ServedHandlers, type ServeOptions } from './server/serve-handlers.ts';

// Reports
export { REPORTER_NAMES, REPORTERS, type ReporterName } from './reporters/index.ts';
