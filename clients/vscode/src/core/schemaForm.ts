// A task type's payload JSON Schema (GET /api/v1/task-types → payloadSchema) → form fields the editor asks in turn
// (input boxes and quick picks), the user's text checked against each field's constraints, and the payload built.
// Nested objects (e.g. `options`) are flattened into dotted fields; the `source` is filled from the workspace.

export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'multiEnum' | 'stringList' | 'json' | 'source';

export interface Field {
  /** Dotted path in the payload, e.g. "options.rules". */
  path: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  default?: unknown;
  example?: unknown;
  options?: (string | number)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

type Schema = Record<string, any>;

function resolve(root: Schema, s: Schema | undefined, depth = 0): Schema {
  if (!s) return {};
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#/') && depth < 20) {
    const target = s.$ref.slice(2).split('/').reduce((o: any, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    return resolve(root, { ...target, ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) }, depth + 1);
  }
  return s;
}

function isSource(s: Schema): boolean {
  const variants: Schema[] = s.oneOf ?? s.anyOf ?? [];
  return s.title === 'source' || variants.some(v => JSON.stringify(v).includes('inline'));
}

/** The fields of a payload schema, required ones first within each level, in declaration order otherwise. */
export function fieldsOf(schema: Schema): Field[] {
  const out: Field[] = [];
  const walk = (s: Schema, prefix: string, parentRequired: boolean) => {
    const required = new Set<string>(s.required ?? []);
    const entries = Object.entries<Schema>(s.properties ?? {});
    entries.sort(([a], [b]) => Number(required.has(b)) - Number(required.has(a)));
    for (const [name, raw] of entries) {
      const p = resolve(schema, raw);
      const path = prefix ? `${prefix}.${name}` : name;
      const req = parentRequired && required.has(name);
      const base = { path, label: path, required: req, description: p.description ?? raw.description, default: p.default,
        example: Array.isArray(p.examples) ? p.examples[0] : undefined };
      if (isSource(p)) out.push({ ...base, kind: 'source' });
      else if (p.type === 'object' && p.properties) walk(p, path, req);
      else if (Array.isArray(p.enum)) out.push({ ...base, kind: 'enum', options: p.enum });
      else if (p.const !== undefined) continue;
      else if (p.type === 'boolean') out.push({ ...base, kind: 'boolean' });
      else if (p.type === 'integer' || p.type === 'number') {
        out.push({ ...base, kind: p.type, minimum: p.minimum ?? (p.exclusiveMinimum !== undefined ? p.exclusiveMinimum + (p.type === 'integer' ? 1 : Number.EPSILON) : undefined),
          maximum: p.maximum ?? (p.exclusiveMaximum !== undefined ? p.exclusiveMaximum - (p.type === 'integer' ? 1 : Number.EPSILON) : undefined) });
      } else if (p.type === 'array') {
        const items = resolve(schema, p.items);
        if (Array.isArray(items.enum)) out.push({ ...base, kind: 'multiEnum', options: items.enum });
        else if (items.type === 'string') out.push({ ...base, kind: 'stringList', minLength: items.minLength, maxLength: items.maxLength, pattern: items.pattern });
        else out.push({ ...base, kind: 'json' });
      } else if (p.type === 'string') {
        out.push({ ...base, kind: 'string', minLength: p.minLength, maxLength: p.maxLength, pattern: p.pattern });
      } else out.push({ ...base, kind: 'json' });
    }
  };
  walk(resolve(schema, schema), '', true);
  return out;
}

export type Parsed = { ok: true; value: unknown; omitted?: boolean } | { ok: false; error: string };

/** Checks the user's text for a field: empty means "leave it out" (refused when the field is required). */
export function parseField(field: Field, text: string | string[] | boolean | undefined): Parsed {
  if (field.kind === 'boolean') {
    if (text === undefined || text === '') return field.required ? { ok: false, error: 'is required' } : { ok: true, value: undefined, omitted: true };
    if (typeof text === 'boolean') return { ok: true, value: text };
    if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
    return { ok: false, error: 'must be true or false' };
  }
  if (field.kind === 'multiEnum') {
    const values = Array.isArray(text) ? text : typeof text === 'string' && text.trim() ? text.split(',').map(s => s.trim()) : [];
    if (values.length === 0) return field.required ? { ok: false, error: 'choose at least one' } : { ok: true, value: undefined, omitted: true };
    const bad = values.find(v => !field.options!.map(String).includes(v));
    if (bad !== undefined) return { ok: false, error: `${JSON.stringify(bad)} is not one of ${field.options!.join(', ')}` };
    return { ok: true, value: values };
  }
  const t = Array.isArray(text) ? text.join(',') : typeof text === 'boolean' ? String(text) : (text ?? '');
  if (t.trim() === '') return field.required ? { ok: false, error: 'is required' } : { ok: true, value: undefined, omitted: true };
  switch (field.kind) {
    case 'integer':
    case 'number': {
      const n = Number(t.trim());
      if (!Number.isFinite(n) || (field.kind === 'integer' && !Number.isInteger(n))) return { ok: false, error: `must be ${field.kind === 'integer' ? 'a whole number' : 'a number'}` };
      if (field.minimum !== undefined && n < field.minimum) return { ok: false, error: `must be at least ${field.minimum}` };
      if (field.maximum !== undefined && n > field.maximum) return { ok: false, error: `must be at most ${field.maximum}` };
      return { ok: true, value: n };
    }
    case 'enum': {
      const match = field.options!.find(o => String(o) === t.trim());
      return match === undefined ? { ok: false, error: `must be one of ${field.options!.join(', ')}` } : { ok: true, value: match };
    }
    case 'stringList': {
      const values = t.split(',').map(s => s.trim()).filter(Boolean);
      for (const v of values) {
        const e = stringError(field, v);
        if (e) return { ok: false, error: `${JSON.stringify(v)} ${e}` };
      }
      return { ok: true, value: values };
    }
    case 'json':
      try { return { ok: true, value: JSON.parse(t) }; } catch { return { ok: false, error: 'must be JSON' }; }
    case 'source':
      return { ok: false, error: 'the source comes from the workspace' };
    default: {
      const e = stringError(field, t);
      return e ? { ok: false, error: e } : { ok: true, value: t };
    }
  }
}

function stringError(field: Field, v: string): string | undefined {
  if (field.minLength !== undefined && v.length < field.minLength) return `must be at least ${field.minLength} characters`;
  if (field.maxLength !== undefined && v.length > field.maxLength) return `must be at most ${field.maxLength} characters`;
  if (field.pattern && !new RegExp(field.pattern, 'u').test(v)) return `must match ${field.pattern}`;
  return undefined;
}

/** The payload from parsed values (dotted paths → nested objects); omitted values are left out. */
export function buildPayload(values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, any> = {};
  for (const [path, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const keys = path.split('.');
    let o = payload;
    for (const k of keys.slice(0, -1)) o = o[k] ??= {};
    o[keys[keys.length - 1]] = value;
  }
  return payload;
}

/** Maps the API's field errors (VALIDATION_FAILED details.violations[].field, e.g. "payload.options.rules[0]") to form fields. */
export function fieldErrors(details: Record<string, unknown> | undefined, fields: Field[]): Map<string, string> {
  const out = new Map<string, string>();
  const violations = (details?.violations as { field?: string; message?: string }[] | undefined) ?? [];
  for (const v of violations) {
    const f = (v.field ?? '').replace(/^payload\./, '').replace(/\[\d+\]/g, '');
    const match = fields.find(x => f === x.path || f.startsWith(x.path + '.'));
    out.set(match?.path ?? f, v.message ?? 'is invalid');
  }
  return out;
}
