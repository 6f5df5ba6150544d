import type { Model } from '../../generator/model/types.ts';
import type { CheckId } from '../checks/catalog.ts';
import type { Profile } from '../profiles.ts';
import { payloadValidator, type PayloadValidator } from '../validation/validator.ts';
import { addAnswer, noAnswers, type Answers } from './answers.ts';
import { describeExchange, type Exchange } from './exchange.ts';
import type { SuitePlan } from './plan.ts';
import { TargetError } from './target-error.ts';
import type { Target } from './targets/target.ts';

/**
 * The state of one suite run: sends requests (remembering which operation each exercised),
 * and collects check outcomes. A check can be reported by several steps: a failure wins over a
 * pass, a pass over a skip.
 */
export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface Outcome {
  status: CheckStatus;
  /** The summary, then each exchange as text (failures), then the notes. */
  message: string;
  /** Failures: the summary and notes alone, and the exchanges as data. */
  summary?: string;
  exchanges?: readonly Exchange[];
}

export interface RequestInit {
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  /** Default `application/json` when there is a body. */
  contentType?: string;
  /** An Accept header (none by default). */
  accept?: string;
  /** More request headers (custom headers the model declares, such as Graph's ConsistencyLevel). */
  headers?: Record<string, string>;
}

export interface Session {
  model: Model;
  plan: SuitePlan;
  profile: Profile;
  target: Target;
  validator: PayloadValidator;
  /** Sends `method path` (path under the service root, with its query); `operation` is the operation id it exercises. */
  send(operation: string | undefined, method: string, path: string, init?: RequestInit): Promise<Exchange>;
  wants(id: CheckId, operation: string): boolean;
  pass(id: CheckId, operation: string, note?: string): void;
  fail(id: CheckId, operation: string, summary: string, exchanges?: readonly Exchange[]): void;
  skip(id: CheckId, operation: string, reason: string): void;
  outcome(id: CheckId, operation: string): Outcome | undefined;
  /** What came back to the requests that exercised the operation (undefined: none did). */
  answersOf(operation: string): Answers | undefined;
  /** A fresh number for keys and sample values. */
  nextVariant(): number;
  /** Requests sent so far. */
  readonly requests: number;
  /** Remembers an entity the run created (path under the service root), to delete it at the end on a live server; returns the path. */
  created(path: string): string;
  /** What the run created, oldest first. */
  readonly createdPaths: readonly string[];
  /** Records a setup step that did not go as planned (a parent that could not be created...); failures of these operations mention it. */
  note(operations: readonly string[], text: string): void;
}

const RANK: Record<CheckStatus, number> = { skip: 0, pass: 1, fail: 2 };

/**
 * A key URL that got an unexpected answer (400, 404, 405, 501) may be a URL the service does
 * not read, not a semantic failure: say which key form the suite wrote and why.
 */
const KEY_URL_CHECKS = new Set<CheckId>(['operation/handled', 'status/success', 'status/not-found', 'sequence/create-read', 'sequence/update-merge', 'sequence/replace', 'sequence/put-replace', 'sequence/delete-read']);

function keyFormNote(model: Model, operation: string, sent: readonly Exchange[]): string {
  const odd = sent.find((exchange) => [400, 404, 405, 501].includes(exchange.status));
  if (!operation.includes('{') || !odd) return '';
  const path = new URL(odd.request.url).pathname;
  const parentheses = /\([^/]*\)/.test(path);
  const from = { default: 'the OData default', csdl: 'the CSDL (Capabilities.KeyAsSegmentSupported)', docs: "the service's doc pages", config: 'the configuration' }[model.urlConventions?.keyAsSegmentFrom ?? 'default'];
  return ` (the URL writes keys ${parentheses ? "in parentheses, Set('key')" : 'as path segments, Set/key'}, the form ${from} gives; a service that does not read that form answers 400 or 404)`;
}

export function createSession(model: Model, plan: SuitePlan, target: Target): Session {
  // By operation, then check id (see plan.planned for why not one map of concatenated keys).
  const outcomes = new Map<string, Map<CheckId, Outcome>>();
  const answers = new Map<string, Answers>();
  let variant = 0;
  const createdPaths: string[] = [];
  const createdSet = new Set<string>();
  let requests = 0;
  const notes = new Map<string, string[]>();
  const record = (id: CheckId, operation: string, outcome: Outcome) => {
    if (!plan.planned.get(operation)?.has(id)) return;
    let ofOperation = outcomes.get(operation);
    if (!ofOperation) outcomes.set(operation, (ofOperation = new Map()));
    const current = ofOperation.get(id);
    if (!current || RANK[outcome.status] > RANK[current.status]) ofOperation.set(id, outcome);
    else if (outcome.status === 'pass' && current.status === 'pass' && outcome.message && !current.message.includes(outcome.message)) {
      current.message = current.message ? `${current.message}; ${outcome.message}` : outcome.message;
    }
  };
  return {
    model,
    plan,
    profile: plan.profile,
    target,
    validator: payloadValidator(model),
    note(operations, text) {
      for (const operation of operations) {
        const list = notes.get(operation) ?? [];
        if (!list.includes(text)) list.push(text);
        notes.set(operation, list);
      }
    },
    async send(operation, method, path, init = {}) {
      const headers: Record<string, string> = {};
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['Content-Type'] = init.contentType ?? 'application/json';
      }
      if (init.accept !== undefined) headers['Accept'] = init.accept;
      if (init.headers) Object.assign(headers, init.headers);
      requests++;
      const exchange = await target.send({ method, url: `${target.serviceRoot}${path}`, headers, ...(body !== undefined && { body }) });
      if (exchange.networkError !== undefined && target.preflight) {
        // One request that got no answer may be the request's fault (a timeout); a service root that no longer answers is not.
        const problem = await target.preflight();
        if (problem) throw new TargetError(`the target stopped answering during the run (after ${requests} requests; the last was ${method} ${exchange.request.url}: ${exchange.networkError}): ${problem}`);
      }
      if (operation !== undefined) {
        let summary = answers.get(operation);
        if (!summary) answers.set(operation, (summary = noAnswers()));
        addAnswer(summary, exchange);
      }
      return exchange;
    },
    wants: (id, operation) => plan.planned.get(operation)?.has(id) === true,
    pass: (id, operation, note) => record(id, operation, { status: 'pass', message: note ?? '' }),
    fail: (id, operation, summary, sent = []) => {
      const context = (notes.get(operation) ?? []).map((text) => `\n  note: ${text}`).join('');
      // Location and @odata.context are URLs the target wrote, not the suite.
      const form = KEY_URL_CHECKS.has(id) ? keyFormNote(model, operation, sent) : '';
      const details = sent.map((exchange) => describeExchange(exchange, target.reproduce)).join('\n');
      record(id, operation, { status: 'fail', message: `${summary}${form}${details ? `\n${details}` : ''}${context}`, summary: `${summary}${form}${context}`, exchanges: sent });
    },
    skip: (id, operation, reason) => record(id, operation, { status: 'skip', message: reason }),
    outcome: (id, operation) => outcomes.get(operation)?.get(id),
    answersOf: (operation) => answers.get(operation),
    nextVariant: () => ++variant,
    created(path) {
      // Only a live server keeps what the run made; in-process targets are reset instead.
      if (target.persistent && !createdSet.has(path)) {
        createdSet.add(path);
        createdPaths.push(path);
      }
      return path;
    },
    createdPaths,
    get requests() {
      return requests;
    },
  };
}
