import { describe, expect, it } from 'vitest';
import { portableImports } from './portable-imports.ts';

describe('portableImports', () => {
  it.each([
    ["import { a } from './a.ts';", "import { a } from './a.js';"],
    ['export * from "../b/c.ts";', 'export * from "../b/c.js";'],
    ["import type * as T from './types.gen.ts';", "import type * as T from './types.gen.js';"],
    ["const m = await import('./lazy.ts');", "const m = await import('./lazy.js');"],
    ["import x from 'pkg.ts';", "import x from 'pkg.ts';"], // bare specifiers are left alone
    ["const s = 'see ./a.ts for details';", "const s = 'see ./a.ts for details';"],
  ])('%s', (input, expected) => {
    expect(portableImports({ path: 'x.ts', content: input }).content).toBe(expected);
  });

  it('returns a file with nothing to rewrite as it is', () => {
    const file = { path: 'x.ts', content: "import { a } from './a.js';\nconst s = 'b.ts';" };
    expect(portableImports(file)).toBe(file);
  });

  it('leaves non-TypeScript files alone', () => {
    expect(portableImports({ path: 'm.json', content: "from './a.ts'" }).content).toBe("from './a.ts'");
  });
});
