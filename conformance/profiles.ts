/**
 * Profiles: OData's protocol and Microsoft Graph's documentation disagree on a few answers
 * (PUT that creates answers 201 in OData and 204 in Graph's pages; GET on a single-valued
 * navigation after DELETE answers 204 in OData and 404 in Graph). A profile picks one side;
 * `lenient` accepts either. An answer that another profile expects is a difference between
 * profiles, never a failure.
 */
export const PROFILES = ['graph', 'odata', 'lenient'] as const;
export type Profile = (typeof PROFILES)[number];

/** The profiles that state an expectation of their own (lenient takes their union). */
export type StrictProfile = Exclude<Profile, 'lenient'>;

/** Acceptable answers per strict profile. */
export type Expectation<T> = Record<StrictProfile, readonly T[]>;

export interface Judgement {
  ok: boolean;
  /** Set when the answer is not what this profile expects but what another profile does. */
  difference?: string;
}

/** What the profile accepts: its own answers, or the union for lenient. */
export function accepted<T>(expectation: Expectation<T>, profile: Profile): readonly T[] {
  if (profile !== 'lenient') return expectation[profile];
  return [...new Set([...expectation.graph, ...expectation.odata])];
}

/**
 * Judges one answer. An answer outside this profile but inside another one passes, with a
 * `difference` that names the profile it matches.
 */
export function judge<T>(actual: T, expectation: Expectation<T>, profile: Profile): Judgement {
  if (accepted(expectation, profile).includes(actual)) return { ok: true };
  const others = (['graph', 'odata'] as const).filter((other) => other !== profile && expectation[other].includes(actual));
  if (others.length === 0) return { ok: false };
  return {
    ok: true,
    difference: `${String(actual)} is what the ${others.join(' and ')} profile expects; the ${profile} profile expects ${expectation[profile as StrictProfile].join(' or ')}`,
  };
}

/** The same answer in every profile. */
export function everywhere<T>(...values: T[]): Expectation<T> {
  return { graph: values, odata: values };
}
