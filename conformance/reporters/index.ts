import type { SuiteReport } from '../runner/run-suite.ts';
import { htmlReport } from './html.ts';
import { jsonReport } from './json.ts';
import { junitReport } from './junit.ts';
import { textReport } from './text.ts';

/** Reporters by name: each turns a finished run into text (LF line ends). */
export const REPORTERS = {
  text: textReport,
  json: jsonReport,
  junit: junitReport,
  html: htmlReport,
} as const satisfies Record<string, (report: SuiteReport) => string>;

export type ReporterName = keyof typeof REPORTERS;
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];
