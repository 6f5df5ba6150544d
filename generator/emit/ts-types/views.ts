/** View models the ts-types templates render; every decision is made before they get here. */

export interface MemberView {
  /** A doc comment block, indented, or ''. */
  doc: string;
  /** A property key: an identifier or a string literal. */
  key: string;
  optional: '?' | '';
  type: string;
}

/** `export interface Name extends Base { members }`. */
export interface InterfaceView {
  doc: string;
  name: string;
  /** ` extends Base` or ''. */
  heritage: string;
  /** Index signatures, written as they are (`[property: string]: unknown`). */
  signatures: string[];
  members: MemberView[];
}

/** `export type Name =` followed by one member per line. */
export interface UnionView {
  doc: string;
  name: string;
  members: { text: string; end: string }[];
}

/** `export type Name = type;` on one line. */
export interface AliasView {
  doc: string;
  name: string;
  type: string;
}

/** The whole file: header, envelopes, helpers, then every declaration. */
export interface TypesFileView {
  source: string;
  names: Record<string, string>;
  countType: string;
  /** Every declaration, rendered, separated by blank lines. */
  body: string;
}
