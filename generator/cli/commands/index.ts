import type { Command } from 'commander';
import { registerInspect } from './inspect.ts';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: ((program: Command) => void)[] = [registerInspect];
