/** React-free descriptor types: what a node kind is, which props it has and how each is checked. */

// The kinds are the registry's keys (registry.ts): adding a kind adds its entry there.
import type { NodeKind } from './registry';
export type { NodeKind };

export type PropValue = string | number | boolean;

/** The `invalid-*` rule (docs/rules.md) that reports a bad value of a field. */
export type FieldRuleId =
  | 'invalid-server-name'
  | 'invalid-route'
  | 'invalid-python-name'
  | 'invalid-port'
  | 'invalid-path'
  | 'invalid-container-name'
  | 'invalid-size'
  | 'invalid-label'
  | 'invalid-email';

interface PropSpecCommon {
  /** Short label shown in the inspector. */
  label: string;
  /** Help text: what the setting does and why this default. */
  doc: string;
  /** The rule that reports a bad value, with the check it runs (null = fine). */
  rule?: { id: FieldRuleId; check: (value: never) => string | null };
  /** Whether the inspector shows the field for these props (always when absent): TLS fields appear with TLS. */
  appliesWhen?: (props: Readonly<Record<string, PropValue>>) => boolean;
}

export interface StringPropSpec extends PropSpecCommon {
  type: 'string';
  default: string;
  rule?: { id: FieldRuleId; check: (value: string) => string | null };
}
export interface NumberPropSpec extends PropSpecCommon {
  type: 'number';
  default: number;
  rule?: { id: FieldRuleId; check: (value: number) => string | null };
}
/** A whole number whose bounds the loader enforces (no rule covers it). */
export interface IntegerPropSpec extends PropSpecCommon {
  type: 'integer';
  default: number;
  min: number;
  max: number;
}
export interface BooleanPropSpec extends PropSpecCommon {
  type: 'boolean';
  default: boolean;
}
export interface EnumPropSpec extends PropSpecCommon {
  type: 'enum';
  default: string;
  options: readonly { value: string; label: string }[];
}
/** A process count: "auto" (2 × CPU + 1, computed where it runs) or a whole number. */
export interface WorkersPropSpec extends PropSpecCommon {
  type: 'workers';
  default: 'auto' | number;
  allowAuto: boolean;
}

export type PropSpec =
  StringPropSpec | NumberPropSpec | IntegerPropSpec | BooleanPropSpec | EnumPropSpec | WorkersPropSpec;

/** What travels over a connection, shown as the edge label. */
export type Protocol = 'http' | 'uwsgi' | 'wsgi' | 'file' | 'static';

export type Category = 'client' | 'proxy' | 'server' | 'app' | 'data' | 'static';

/** How diagrams draw a node: a box, a stadium (outside the stack) or a cylinder (stored data). */
export type NodeShape = 'box' | 'stadium' | 'cylinder';

/**
 * What a kind does in a stack. Code outside `src/nodes` asks roles (and the capabilities below),
 * never kind names: a new kind that plays a role is understood everywhere at once.
 */
export type Role = 'client' | 'proxy' | 'wsgi-server' | 'app' | 'database' | 'static';

/** The protocols a server or app can speak to a proxy in front of it. */
export type ProxiedProtocol = Extract<Protocol, 'http' | 'uwsgi'>;

/** How a proxy (or a client) reaches a server or app kind over the network. */
export interface Upstream<P> {
  /** What the caller talks to, in connection descriptions ("Gunicorn", "the Flask dev server"). */
  name: string;
  /**
   * The same name in Korean ("Flask 개발 서버"): beside the English one, like the kind's `nounKo`, so
   * the connection words name it without the lazily loaded Korean kind texts.
   */
  nameKo: string;
  /** What flows over the connection from a proxy (uWSGI "uwsgi", Gunicorn "http"). */
  protocol: ProxiedProtocol;
  /** When the props choose the protocol, each proxy edge picks the matching directive from it. */
  protocolOf?: (props: P) => ProxiedProtocol;
}

/** Where a server accepts connections inside its container. */
export type Listener = { kind: 'tcp'; port: number } | { kind: 'unix'; path: string };

/** K is a string, not only a NodeKind, so a kind's folder compiles before its registry line exists. */
export interface KindDescriptor<K extends string = NodeKind, P extends object = Record<string, PropValue>> {
  kind: K;
  label: string;
  /** A single emoji-free glyph name understood by the node views and image exports. */
  icon: string;
  category: Category;
  /** What the kind does in a stack (see Role). */
  roles: readonly Role[];
  /** One line, from the study notes: what this piece does in the stack. */
  role: string;
  /** A few sentences for the palette tooltip and the README. */
  doc: string;
  /**
   * The node's main line on every picture of the design (card, embed, SVG/PNG, Mermaid) when it is not
   * the kind's label: a client is called by its own label.
   */
  title?: (props: P) => string;
  /**
   * The one setting that tells nodes of this kind apart, shown after the title on every picture
   * (":8000", "app:app", "/data/app.db"). None: the title says it all.
   */
  summary?: (props: P) => string;
  /** How diagrams draw the node (default: a box). */
  shape?: NodeShape;
  props: { [Key in keyof P]-?: PropSpec };
  /** The container a node of this kind goes to when the design names none (null = outside every container). */
  defaultContainer: 'web' | 'app' | null;
  /** Whether the node accepts incoming / outgoing connections (its handles on the canvas). */
  handles: { target: boolean; source: boolean };
  /** Where a node of this kind listens inside its container (none: it accepts no network connections). */
  listener?: (props: P) => Listener;
  /** An app's own development server (Werkzeug, runserver): where it listens when no WSGI server runs it. */
  devServer?: (props: P) => Listener;
  /** An app's static files route, which nginx serves itself (null or absent: none). */
  staticRoute?: (props: P) => string | null;
  /** How connection messages name the kind ("Gunicorn", "a Flask app", "SQLite"). */
  noun: string;
  /**
   * The same noun in Korean ("Flask 앱"): beside the English one because the core words refusals in
   * Korean synchronously (CLI, README warnings), before the lazily loaded Korean kind texts arrive.
   */
  nounKo: string;
  /** How a proxy reaches the kind (servers and apps; absent: no proxy passes requests to it). */
  upstream?: Upstream<P>;
  /** Whether clients reach the node over HTTPS (the client edge says HTTPS, the card shows a lock). */
  servesHttps?: (props: P) => boolean;
}

export function defineKind<K extends string, P extends object>(
  descriptor: KindDescriptor<K, P>,
): KindDescriptor<K, P> {
  return descriptor;
}

export function defaultProps<P extends object>(descriptor: KindDescriptor<string, P>): P {
  const props: Record<string, PropValue> = {};
  for (const [name, spec] of Object.entries(descriptor.props) as [string, PropSpec][])
    props[name] = spec.default;
  return props as P;
}

/** A prop's words in another language: its label, its help text and its options' labels by value. */
export interface PropText {
  label: string;
  doc: string;
  options?: Record<string, string>;
}

/**
 * A kind's words in another language (its name stays), beside the kind: the role line, the doc,
 * and every prop's label and help (a prop without its words fails typecheck).
 */
export interface KindText<P extends object = Record<string, PropValue>> {
  role: string;
  doc: string;
  props: { [Key in keyof P]-?: PropText };
}
