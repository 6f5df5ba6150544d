/**
 * The in-memory store behind the reference handlers: entities by canonical path
 * (`/policies/crossTenantAccessPolicy/partners/a`), collection membership in insertion order,
 * and `null` for a single-valued navigation that was deleted (OData: it now has no entity).
 * Deleting an entity deletes what it contains. A link (a non-contained navigation) is an alias:
 * `/People/a/Friends/b` stands for `/People/b`, listed in its navigation collection; removing
 * the link or its source leaves the linked entity alone.
 */
export interface StoredEntity {
  /** Qualified name of the entity's type (a derived type when `@odata.type` said so). */
  type: string;
  /** Structural properties as JSON; navigation content lives at its own paths. */
  data: Record<string, unknown>;
}

export interface Store {
  /** The entity, `null` when it was deleted (single-valued navigations), `undefined` when never set. */
  get(path: string): StoredEntity | null | undefined;
  /** Stores an entity under `parent` (the nearest entity above it), optionally as a collection member. */
  set(path: string, entity: StoredEntity, place: { parent: string; collection?: string }): void;
  /** Removes the entity and everything it contains (or the link at `path`); `keepNull` records that it is now null. */
  remove(path: string, keepNull: boolean): void;
  /** Links `alias` (a path through a navigation, in `place.collection` when collection-valued) to the entity at `target`. */
  link(alias: string, target: string, place: { parent: string; collection?: string }): void;
  /** The entity path a link stands for, when `path` is a link. */
  linked(path: string): string | undefined;
  /** Member paths of a collection, in insertion order. */
  members(collection: string): string[];
  /** Marks `name` done; false when it already was (a collection filled with its server-provided member). */
  mark(name: string): boolean;
  /** Makes the current content the state `reset` returns to (the seed). */
  commit(): void;
  /** Back to the committed state: what the tests of one run created is gone. */
  reset(): void;
  /** Saves the current content; the function returned brings it back (a failed $batch atomicity group). */
  snapshot(): () => void;
  /** Number of entities held (for tests and leaks). */
  readonly size: number;
}

interface State {
  entities: Map<string, StoredEntity | null>;
  collections: Map<string, Set<string>>;
  /** Entity path -> paths of entities and collections directly under it. */
  children: Map<string, Set<string>>;
  /** Member path -> its collection. */
  memberOf: Map<string, string>;
  /** Link path -> the entity path it stands for. */
  aliases: Map<string, string>;
  marks: Set<string>;
}

export function createStore(): Store {
  let state = emptyState();
  let committed = cloneState(state);
  return {
    get(path) {
      const target = state.aliases.get(path);
      return target === undefined ? state.entities.get(path) : (state.entities.get(target) ?? undefined);
    },
    set(path, entity, place) {
      // Through a link, the linked entity changes.
      const target = state.aliases.get(path);
      if (target !== undefined) {
        state.entities.set(target, entity);
        return;
      }
      state.entities.set(path, entity);
      link(state.children, place.parent, place.collection ?? path);
      if (place.collection !== undefined) {
        let members = state.collections.get(place.collection);
        if (!members) state.collections.set(place.collection, (members = new Set()));
        members.add(path);
        state.memberOf.set(path, place.collection);
        link(state.children, place.collection, path);
      }
    },
    remove(path, keepNull) {
      removeTree(state, path);
      if (keepNull) state.entities.set(path, null);
    },
    link(alias, target, place) {
      state.entities.delete(alias);
      state.aliases.set(alias, target);
      link(state.children, place.parent, place.collection ?? alias);
      if (place.collection !== undefined) {
        let members = state.collections.get(place.collection);
        if (!members) state.collections.set(place.collection, (members = new Set()));
        members.add(alias);
        state.memberOf.set(alias, place.collection);
        link(state.children, place.collection, alias);
      }
    },
    linked: (path) => state.aliases.get(path),
    // A link whose entity was deleted since is no member.
    members: (collection) => [...(state.collections.get(collection) ?? [])].filter((path) => !state.aliases.has(path) || state.entities.get(state.aliases.get(path)!)),
    mark(name) {
      if (state.marks.has(name)) return false;
      state.marks.add(name);
      return true;
    },
    commit() {
      committed = cloneState(state);
    },
    reset() {
      state = cloneState(committed);
    },
    snapshot() {
      const saved = cloneState(state);
      return () => {
        state = saved;
      };
    },
    get size() {
      let count = 0;
      for (const entity of state.entities.values()) if (entity) count++;
      return count;
    },
  };
}

function emptyState(): State {
  return { entities: new Map(), collections: new Map(), children: new Map(), memberOf: new Map(), aliases: new Map(), marks: new Set() };
}

function link(children: Map<string, Set<string>>, parent: string, child: string): void {
  let set = children.get(parent);
  if (!set) children.set(parent, (set = new Set()));
  set.add(child);
}

function removeTree(state: State, path: string): void {
  const below = state.children.get(path);
  state.children.delete(path);
  state.entities.delete(path);
  state.aliases.delete(path);
  const collection = state.memberOf.get(path);
  if (collection !== undefined) {
    state.collections.get(collection)?.delete(path);
    state.memberOf.delete(path);
  }
  state.collections.delete(path);
  for (const child of below ?? []) removeTree(state, child);
}

function cloneState(state: State): State {
  return {
    entities: new Map([...state.entities].map(([path, entity]) => [path, entity && { type: entity.type, data: structuredClone(entity.data) }])),
    collections: new Map([...state.collections].map(([path, members]) => [path, new Set(members)])),
    children: new Map([...state.children].map(([path, set]) => [path, new Set(set)])),
    memberOf: new Map(state.memberOf),
    aliases: new Map(state.aliases),
    marks: new Set(state.marks),
  };
}
