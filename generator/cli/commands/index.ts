import type { Command } from 'commander';
import { registerConformance } from './conformance.ts';
import { registerDiff } from './diff.ts';
import { registerGenerate } from './generate.ts';
import { registerInspect } from './inspect.ts';
import { registerValidateDocs } from './validate-docs.ts';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: ((program: Command) => void)[] = [registerInspect, registerGenerate, registerDiff, registerValidateDocs, registerConformance];
