/**
 * Which exported symbols a change to a generated file added, removed or changed, for the
 * summary `generate` prints. A line scan, not a parse: generated files are formatted, so a
 * top-level declaration starts at column 0 with `export` and runs until the next line at
 * column 0 that is not a closing bracket or a union/intersection continuation. Parsing the
 * 6 MB Graph types file with the TypeScript parser took about a second per side; this scan
 * takes a few milliseconds. The doc comment above a declaration is not part of its text, so a
 * change to a type's description alone does not count as a changed symbol (a member's does).
 */
export interface SymbolChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export function compareExports(before: string | undefined, after: string): SymbolChanges {
  // A new file: every name is added, and no text is compared.
  if (before === undefined) return { added: [...exportedNames(after)].sort(), removed: [], changed: [] };
  const old = exportedDeclarations(before);
  const now = exportedDeclarations(after);
  const added = [...now.keys()].filter((name) => !old.has(name));
  const removed = [...old.keys()].filter((name) => !now.has(name));
  const changed = [...now.keys()].filter((name) => old.has(name) && old.get(name) !== now.get(name));
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

const DECLARATION =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:interface|type|const|let|var|function\*?|class|enum)\s+([A-Za-z_$][\w$]*)/;
const DECLARATION_AT = new RegExp(DECLARATION.source.slice(1), 'y');

/**
 * The names exportedDeclarations would give, without cutting the text into lines and
 * declarations: DECLARATION tried only where a line (ended by `\n`, as there) starts with `export`.
 */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  const add = (at: number) => {
    DECLARATION_AT.lastIndex = at;
    const name = DECLARATION_AT.exec(text)?.[1];
    if (name !== undefined) names.add(name);
  };
  if (text.startsWith('export')) add(0);
  for (let newline = text.indexOf('\nexport'); newline !== -1; newline = text.indexOf('\nexport', newline + 1)) add(newline + 1);
  return names;
}

/** Lines at column 0 that continue the declaration above them. */
const CONTINUATION = /^[\s})\]|&]|^$/;

/** Exported top-level declarations by name, with their text (doc comments excluded). */
export function exportedDeclarations(text: string): Map<string, string> {
  const declarations = new Map<string, string>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const name = DECLARATION.exec(lines[index]!)?.[1];
    if (name === undefined) continue;
    let end = index + 1;
    while (end < lines.length && CONTINUATION.test(lines[end]!)) end++;
    const body = lines.slice(index, end).join('\n').trimEnd();
    // Overloads and merged declarations: keep every text, in order.
    const previous = declarations.get(name);
    declarations.set(name, previous === undefined ? body : `${previous}\n${body}`);
    index = end - 1;
  }
  return declarations;
}
