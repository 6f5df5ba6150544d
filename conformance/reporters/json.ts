import type { Exchange } from '../runner/exchange.ts';
import { curlLine, fetchLine } from '../runner/exchange.ts';
import type { SuiteReport } from '../runner/run-suite.ts';

/**
 * The JSON report: `{ target, profile, checks: [{ id, operation, severity, status, message,
 * exchanges? }], summary: { passed, failed, skipped } }`, in plan order, LF-terminated. A failed
 * check's message is its summary; what was sent and answered follows in `exchanges`, as data.
 */
export interface JsonExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response: { status: number; headers: Record<string, string>; body: string; error?: string };
  reproduce: string;
}

export function jsonReport(report: SuiteReport): string {
  const document = {
    target: report.target,
    profile: report.profile,
    checks: report.checks.map(({ id, operation, severity, status, message, summary, exchanges }) => ({
      id,
      operation,
      severity,
      status,
      message: summary ?? message,
      ...(exchanges && exchanges.length > 0 && { exchanges: exchanges.map((exchange) => exchangeData(exchange, report.reproduce)) }),
    })),
    summary: report.summary,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function exchangeData(exchange: Exchange, style: SuiteReport['reproduce']): JsonExchange {
  const { request } = exchange;
  const error = exchange.networkError ?? exchange.thrown ?? (exchange.unhandled ? 'no handler matched the request' : undefined);
  return {
    request: { method: request.method, url: request.url, headers: request.headers, ...(request.body !== undefined && { body: request.body }) },
    response: { status: exchange.status, headers: exchange.headers, body: exchange.body, ...(error !== undefined && { error }) },
    reproduce: style === 'curl' ? curlLine(request) : fetchLine(request),
  };
}
