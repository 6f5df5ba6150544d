/** Names as Graph pages write them: usually unqualified (`crossTenantUserSyncInbound`). */

export function splitQualifiedName(qualified: string): { namespace: string; name: string } {
  const dot = qualified.lastIndexOf('.');
  return dot === -1 ? { namespace: '', name: qualified } : { namespace: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}

/** Qualifies a docs type name with the page's namespace unless it is already qualified (Edm.* included). */
export function qualifyName(name: string, namespace: string): string {
  return name.includes('.') || namespace === '' ? name : `${namespace}.${name}`;
}

/** `microsoft.graph.user` -> `user`: docs and CSDL may differ in the namespace part only. */
export function simpleName(qualified: string): string {
  return splitQualifiedName(qualified).name;
}
