import type { Capabilities } from '../types.ts';

const FLAGS = ['readable', 'insertable', 'updatable', 'deletable', 'updateMethod', 'navigability'] as const;

/** Later, more specific statements override earlier, more general ones. */
export function mergeCapabilities(...layers: (Capabilities | undefined)[]): Capabilities {
  const merged: Capabilities = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of FLAGS) {
      if (layer[key] !== undefined) (merged as Record<string, unknown>)[key] = layer[key];
    }
    if (layer.restrictedNavigation) merged.restrictedNavigation = { ...merged.restrictedNavigation, ...layer.restrictedNavigation };
  }
  return merged;
}
