import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The runtime is copied into generated output alone: it may import only its own modules (and the validation runtime beside it). */
describe('runtime/client', () => {
  const folder = fileURLToPath(new URL('.', import.meta.url));
  const modules = readdirSync(folder).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

  it.each(modules)('%s imports nothing from outside', (file) => {
    const text = readFileSync(`${folder}${file}`, 'utf8');
    const statements = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
    const dynamic = [...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
    const specifiers = [...statements, ...dynamic];
    for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[\w-]+\.ts$|^\.\.\/validation\/[\w-]+\.ts$/);
  });
});
