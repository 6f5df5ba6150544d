import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection on demand, for the CLI's own process only (docs/decisions/0023):
 * V8's `gc`, reached the way jest's leak detector reaches it, by turning `--expose-gc` on just
 * long enough for a new context to get the function (or the process's own, when Node was
 * started with `--expose-gc`: then the flag is left as it was). Undefined where the engine
 * refuses. The library never calls this: an embedding process's heap is its own business.
 */
export function fullGarbageCollection(): (() => void) | undefined {
  const own: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return () => void own();
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : undefined;
  } catch {
    return undefined;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
