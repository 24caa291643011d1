/**
 * Offline checks of Kubernetes manifests against the Kubernetes OpenAPI schemas, with the npm
 * packages `kubernetes-models` (one model class per kind, its validate() compiled from the schema)
 * and `@kubernetes-models/validate`. The schemas let unknown fields through (the API server would
 * prune or refuse them), so a strict check walks each object along the models' type declarations
 * and names every field no schema defines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = Record<string, unknown>;

export const MISSING_PACKAGES =
  'kubernetes-models is not installed: npm install -D kubernetes-models@^5.1.0 @kubernetes-models/validate@^5.0.2';

/** The folder holding kubernetes-models and its sibling @kubernetes-models packages, or null. */
function modelsRoot(): string | null {
  try {
    const entry = fileURLToPath(import.meta.resolve('kubernetes-models'));
    return dirname(entry);
  } catch {
    return null;
  }
}

/** The module of a kind's models: "apps/v1" → kubernetes-models/apps/v1, "v1" → kubernetes-models/v1. */
async function modelClass(
  apiVersion: string,
  kind: string,
): Promise<(new (data: Json) => { validate(): void }) | null> {
  const module = (await import(`kubernetes-models/${apiVersion}`)) as Record<string, unknown>;
  const model = module[kind];
  return typeof model === 'function' ? (model as new (data: Json) => { validate(): void }) : null;
}

/** Validates one object against the schema of its apiVersion and kind; the problems, or [] when valid. */
export async function schemaProblems(doc: Json): Promise<string[]> {
  const apiVersion = String(doc.apiVersion);
  const kind = String(doc.kind);
  let Model;
  try {
    Model = await modelClass(apiVersion, kind);
  } catch (error) {
    return [`no schema for ${apiVersion} (${error instanceof Error ? error.message : String(error)})`];
  }
  if (!Model) return [`no schema for ${apiVersion} ${kind}`];
  try {
    new Model(doc).validate();
    return [];
  } catch (error) {
    const details = (error as { errors?: unknown[] }).errors;
    return [details ? JSON.stringify(details) : error instanceof Error ? error.message : String(error)];
  }
}

interface Shape {
  /** Field name → the declaration file of its object type (null: a scalar, list of scalars, or map). */
  fields: Map<string, string | null>;
}

const shapes = new Map<string, Shape | null>();

/** Reads `export interface I… { "field"?: Type; }` of a model's .d.ts: its fields and their types' files. */
function readShape(file: string, root: string): Shape | null {
  if (shapes.has(file)) return shapes.get(file)!;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const imports = new Map<string, string>();
  for (const match of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) {
    const [, name, from] = match;
    const path = from!.startsWith('.')
      ? join(dirname(file), from!.replace(/\.js$/, '.d.ts'))
      : join(root, '..', `${from}.d.ts`);
    imports.set(name!, path);
  }
  const body = /^export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)^\}/m.exec(text)?.[1];
  if (body === undefined) {
    shapes.set(file, null);
    return null;
  }
  const fields = new Map<string, string | null>();
  for (const match of body.matchAll(/^ {4}"([^"]+)"\??: (.*)$/gm)) {
    const [, name, type] = match;
    // Array<IX> or IX: an object of that model; anything else (scalars, maps, unions) is a leaf.
    const element = /^(?:Array<)?(\w+)>?;$/.exec(type!)?.[1];
    fields.set(name!, element && imports.has(element) ? imports.get(element)! : null);
  }
  const shape = { fields };
  shapes.set(file, shape);
  return shape;
}

function walk(value: unknown, file: string, root: string, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, file, root, `${path}[${index}]`, out));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const shape = readShape(file, root);
  if (!shape) return;
  for (const [key, item] of Object.entries(value)) {
    if (!shape.fields.has(key)) {
      out.push(`${path ? `${path}.` : ''}${key}: no such field`);
      continue;
    }
    const child = shape.fields.get(key);
    if (child) walk(item, child, root, path ? `${path}.${key}` : key, out);
  }
}

/** Every field of the object that its kind's schema does not define (misspelled or misplaced keys). */
export function unknownFields(doc: Json): string[] {
  const root = modelsRoot();
  if (!root) return [MISSING_PACKAGES];
  const file = join(root, String(doc.apiVersion), `${String(doc.kind)}.d.ts`);
  if (!existsSync(file)) return [`no declaration for ${String(doc.apiVersion)} ${String(doc.kind)}`];
  const out: string[] = [];
  walk(doc, file, root, '', out);
  return out;
}

export function modelsInstalled(): boolean {
  return modelsRoot() !== null;
}
