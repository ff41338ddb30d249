import type { ChangeEvent } from 'react';

// A form generated from a task type's JSON Schema (2020-12 subset the task types use): objects, strings (enum →
// select, long text → textarea, base64 → file picker), numbers, booleans, arrays of strings or of objects, and
// oneOf alternatives told apart by a `type` const (the source picker: git, inline files, archive upload, s3).
// Values are plain JSON; empty optional fields are left out. `errors` maps field paths ("payload.message") to the
// API's messages, shown under the field.

export type Schema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  contentEncoding?: string;
  format?: string;
};

type Json = unknown;

export function resolve(schema: Schema, root: Schema): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) {
    const m = /^#\/(?:\$defs|components\/schemas)\/(.+)$/.exec(s.$ref);
    const target = m ? root.$defs?.[m[1]] : undefined;
    if (!target) break;
    const { $ref: _ignored, ...rest } = s;
    void _ignored;
    s = { ...target, ...rest };
  }
  return s;
}

function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  if (s.properties) return 'object';
  if (s.enum) return 'string';
  return undefined;
}

/** The alternative of a oneOf a value matches (by its `type` const), or the first. */
function alternative(options: Schema[], root: Schema, value: Json): number {
  const t = (value as Record<string, unknown> | undefined)?.type;
  const i = options.findIndex((o) => resolve(o, root).properties?.type?.const === t);
  return i < 0 ? 0 : i;
}

/** A starting value for a schema: its defaults where it has them (objects recursively), else nothing. */
export function initialValue(schema: Schema, root: Schema): Json {
  const s = resolve(schema, root);
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined && typeOf(s) !== 'object') return s.default;
  if (s.oneOf && s.oneOf.length && resolve(s.oneOf[0], root).properties?.type?.const !== undefined) {
    return initialValue(s.oneOf[s.oneOf.length - 1], root);
  }
  if (typeOf(s) === 'object' && s.properties) {
    const out: Record<string, Json> = {};
    for (const [k, p] of Object.entries(s.properties)) {
      const r = resolve(p, root);
      // constants, and required fields that have a default or a structure (an archive's format: "zip")
      if (r.const !== undefined || (s.required ?? []).includes(k) && (r.properties || r.oneOf || r.default !== undefined)) out[k] = initialValue(p, root);
    }
    return out;
  }
  return undefined;
}

/** Drops empty strings, empty objects and undefined values, so the API sees only what was filled in. */
export function prune(value: Json): Json {
  if (Array.isArray(value)) return value.map(prune).filter((v) => v !== undefined);
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p === undefined || p === '') continue;
      out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

interface FieldProps {
  schema: Schema;
  root: Schema;
  value: Json;
  onChange: (v: Json) => void;
  path: string;
  label: string;
  required: boolean;
  errors: Record<string, string>;
  disabled?: boolean;
}

const idOf = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function FieldError({ path, errors }: { path: string; errors: Record<string, string> }) {
  const message = errors[path];
  return message ? <p className="field-error" id={`${idOf(path)}-error`}>{message}</p> : null;
}

function Help({ path, schema }: { path: string; schema: Schema }) {
  return schema.description ? <p className="help" id={`${idOf(path)}-help`}>{schema.description}</p> : null;
}

function describedBy(path: string, schema: Schema, errors: Record<string, string>) {
  const ids = [schema.description ? `${idOf(path)}-help` : '', errors[path] ? `${idOf(path)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function Field(props: FieldProps) {
  const { root, value, onChange, path, label, required, errors, disabled } = props;
  const schema = resolve(props.schema, root);
  const id = idOf(path);
  const type = typeOf(schema);
  const common = {
    id,
    disabled,
    'aria-invalid': errors[path] ? true : undefined,
    'aria-describedby': describedBy(path, schema, errors),
    required,
  };

  if (schema.const !== undefined) return null;

  if (schema.oneOf && schema.oneOf.some((o) => resolve(o, root).properties?.type?.const !== undefined)) {
    const options = schema.oneOf.map((o) => resolve(o, root));
    const chosen = alternative(schema.oneOf, root, value);
    return (
      <fieldset className="field oneof">
        <legend>{label}{required && <span aria-hidden="true"> *</span>}</legend>
        <Help path={path} schema={schema} />
        <div role="radiogroup" aria-label={`${label}: kind`} className="segmented">
          {options.map((o, i) => (
            <label key={i} className={i === chosen ? 'on' : ''}>
              <input type="radio" name={`${id}-kind`} checked={i === chosen} disabled={disabled}
                onChange={() => onChange(initialValue(schema.oneOf![i], root))} />
              {o.title ?? String(o.properties?.type?.const ?? `option ${i + 1}`)}
            </label>
          ))}
        </div>
        <ObjectFields {...props} schema={options[chosen]} />
        <FieldError path={path} errors={errors} />
      </fieldset>
    );
  }

  if (type === 'object') {
    if (!schema.properties || Object.keys(schema.properties).length === 0) return null; // free-form maps: not offered
    return (
      <fieldset className="field">
        <legend>{label}{required && <span aria-hidden="true"> *</span>}</legend>
        <Help path={path} schema={schema} />
        <ObjectFields {...props} schema={schema} />
        <FieldError path={path} errors={errors} />
      </fieldset>
    );
  }

  if (type === 'array') {
    const items = resolve(schema.items ?? {}, root);
    const list = Array.isArray(value) ? value : [];
    if (typeOf(items) === 'object') {
      return (
        <fieldset className="field">
          <legend>{label}{required && <span aria-hidden="true"> *</span>}</legend>
          <Help path={path} schema={schema} />
          {list.map((item, i) => (
            <div className="array-item" key={i}>
              <ObjectFields {...props} schema={items} value={item} path={`${path}[${i}]`}
                onChange={(v) => onChange(list.map((x, j) => (j === i ? v : x)))} />
              <button type="button" onClick={() => onChange(list.filter((_, j) => j !== i))} disabled={disabled}>
                Remove {label.toLowerCase()} {i + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => onChange([...list, initialValue(items, root) ?? {}])} disabled={disabled}>
            Add {label.toLowerCase().replace(/s$/, '')}
          </button>
          <FieldError path={path} errors={errors} />
        </fieldset>
      );
    }
    if (items.enum) {
      return (
        <fieldset className="field">
          <legend>{label}</legend>
          <Help path={path} schema={schema} />
          <div className="checks">
            {items.enum.map((opt) => (
              <label key={String(opt)}>
                <input type="checkbox" checked={list.includes(opt)} disabled={disabled}
                  onChange={(e) => onChange(e.target.checked ? [...list, opt] : list.filter((x) => x !== opt))} />
                {String(opt)}
              </label>
            ))}
          </div>
          <FieldError path={path} errors={errors} />
        </fieldset>
      );
    }
    return (
      <div className="field">
        <label htmlFor={id}>{label} <span className="muted">(one per line)</span>{required && <span aria-hidden="true"> *</span>}</label>
        <Help path={path} schema={schema} />
        <textarea {...common} rows={3} value={list.join('\n')}
          onChange={(e) => {
            const lines = e.target.value.split('\n');
            const numeric = typeOf(items) === 'number' || typeOf(items) === 'integer';
            onChange(e.target.value === '' ? undefined : lines.map((l) => (numeric && l.trim() !== '' ? Number(l) : l)));
          }} />
        <FieldError path={path} errors={errors} />
      </div>
    );
  }

  if (type === 'boolean') {
    return (
      <div className="field check">
        <label>
          <input type="checkbox" {...common} required={false} checked={value === undefined ? schema.default === true : value === true}
            onChange={(e) => onChange(e.target.checked)} />
          {label}
        </label>
        <Help path={path} schema={schema} />
        <FieldError path={path} errors={errors} />
      </div>
    );
  }

  let control;
  if (schema.enum) {
    control = (
      <select {...common} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : schema.enum!.find((o) => String(o) === e.target.value))}>
        {/* a required choice not made yet shows as such, rather than as its first option (which would not be sent) */}
        {(!required || value === undefined) && <option value="">{schema.default !== undefined ? `default (${String(schema.default)})` : required ? 'Choose…' : '—'}</option>}
        {schema.enum.map((o) => <option key={String(o)} value={String(o)}>{String(o)}</option>)}
      </select>
    );
  } else if (type === 'integer' || type === 'number') {
    control = (
      <input {...common} type="number" inputMode="numeric" min={schema.minimum} max={schema.maximum}
        step={type === 'integer' ? 1 : 'any'} placeholder={schema.default !== undefined ? `default ${String(schema.default)}` : undefined}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
    );
  } else if (schema.contentEncoding === 'base64') {
    control = (
      <input {...common} type="file" onChange={async (e: ChangeEvent<HTMLInputElement>) => {
        const file = e.target.files?.[0];
        if (!file) return onChange(undefined);
        const bytes = new Uint8Array(await file.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        onChange(btoa(binary));
      }} />
    );
  } else if ((schema.maxLength ?? 0) >= 4000 || /content|brief|text|markdown|message|prompt|description/i.test(label) && (schema.maxLength ?? Infinity) > 200) {
    control = <textarea {...common} rows={4} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const example = schema.examples?.[0];
    control = (
      <input {...common} type={schema.format === 'uri' ? 'url' : 'text'} value={(value as string) ?? ''}
        placeholder={example !== undefined ? `e.g. ${String(example)}` : undefined} onChange={(e) => onChange(e.target.value)} />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}{required && <span aria-hidden="true"> *</span>}</label>
      {control}
      <Help path={path} schema={schema} />
      <FieldError path={path} errors={errors} />
    </div>
  );
}

function ObjectFields(props: FieldProps) {
  const { root, value, onChange, path, errors, disabled } = props;
  const schema = resolve(props.schema, root);
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, Json>;
  const constants: Record<string, Json> = {};
  for (const [k, p] of Object.entries(schema.properties ?? {})) {
    const r = resolve(p, root);
    if (r.const !== undefined) constants[k] = r.const;
  }
  return (
    <div className="fields">
      {Object.entries(schema.properties ?? {}).map(([key, child]) => (
        <Field key={key} schema={child} root={root} value={obj[key]} path={`${path}.${key}`}
          label={capitalise(resolve(child, root).title ?? humanize(key))} required={(schema.required ?? []).includes(key)}
          errors={errors} disabled={disabled}
          onChange={(v) => onChange({ ...obj, ...constants, [key]: v })} />
      ))}
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The whole form body for a schema (the top-level object's fields, without a fieldset around them). */
export function SchemaFields({ schema, value, onChange, errors, prefix = 'payload', disabled }: {
  schema: Schema; value: Json; onChange: (v: Json) => void; errors: Record<string, string>; prefix?: string; disabled?: boolean;
}) {
  return <ObjectFields schema={schema} root={schema} value={value} onChange={onChange} path={prefix} label="" required errors={errors} disabled={disabled} />;
}
