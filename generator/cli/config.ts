import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDiagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/line-index.ts';
import { UserInputError } from '../diagnostics/user-error.ts';

/**
 * `odatakit.config.json` in the working directory: defaults for the commands, one section
 * per command. Flags given on the command line win. Paths are relative to the file's folder.
 *
 * ```json
 * { "generate": { "csdl": ["examples/csdl/x.xml"], "docs": ["examples/docs"], "out": "generated" } }
 * ```
 */
export const CONFIG_FILE = 'odatakit.config.json';

export interface GenerateConfig {
  csdl?: string[];
  docs?: string[];
  out?: string;
  templates?: string;
  include?: string[];
  ieee754Compatible?: boolean;
  /** Keys as path segments (true) or in parentheses (false), whatever the CSDL says (generator/model/operations/url-conventions.ts). */
  keyAsSegment?: boolean;
  /** false: validators without acceptors.gen.ts, the table walk alone (generator/emit/validators/emitter.ts). */
  validatorAcceptors?: boolean;
}

type FieldKind = 'strings' | 'string' | 'boolean';
const GENERATE_FIELDS: Record<keyof GenerateConfig, FieldKind> = {
  csdl: 'strings',
  docs: 'strings',
  out: 'string',
  templates: 'string',
  include: 'strings',
  ieee754Compatible: 'boolean',
  keyAsSegment: 'boolean',
  validatorAcceptors: 'boolean',
};

/** The `generate` section, or `{}` when there is no config file. Bad content: UserInputError (exit 2). */
export function readGenerateConfig(cwd: string): GenerateConfig {
  const file = join(cwd, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const lines = new LineIndex(file, text);
  const fail = (reason: string, offset = 0): never => {
    throw new UserInputError([createDiagnostic('config/invalid', lines.position(Math.max(0, offset)), { reason })]);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    fail(`not valid JSON: ${message}`, Number(/position (\d+)/.exec(message)?.[1] ?? 0));
  }
  if (!isRecord(data)) return fail('expected a JSON object');
  const section = data['generate'];
  if (section === undefined) return {};
  if (!isRecord(section)) return fail('"generate" should be an object', text.indexOf('"generate"'));
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    const offset = text.indexOf(JSON.stringify(key));
    if (!Object.hasOwn(GENERATE_FIELDS, key)) {
      fail(`unknown option "generate.${key}" (known: ${Object.keys(GENERATE_FIELDS).join(', ')})`, offset);
    }
    const kind = GENERATE_FIELDS[key as keyof GenerateConfig];
    const normalized = kind === 'strings' && typeof value === 'string' ? [value] : value;
    if (!fits(kind, normalized)) fail(`"generate.${key}" should be ${describeKind(kind)}`, offset);
    config[key] = normalized;
  }
  return config as GenerateConfig;
}

function fits(kind: FieldKind, value: unknown): boolean {
  if (kind === 'boolean') return typeof value === 'boolean';
  if (kind === 'string') return typeof value === 'string' && value !== '';
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
}

function describeKind(kind: FieldKind): string {
  return kind === 'boolean' ? 'true or false' : kind === 'string' ? 'a non-empty string' : 'a string or an array of strings';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
