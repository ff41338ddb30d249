import { useState, type FormEvent, type ReactNode } from 'react';
import { useRequestSchema } from '../api/hooks';
import { ApiError } from '../api/client';
import { SchemaFields, initialValue, prune, type Schema } from './SchemaForm';
import { ErrorBox, Loading } from './ui';

/**
 * A form for one write operation, generated from its request schema in the platform's OpenAPI document; shows the
 * API's field messages under the fields. `onSubmit` sends the pruned body and answers what to show afterwards.
 */
export function OperationForm({ component, title, submitLabel, onSubmit, initial, children }: {
  component: string; title: string; submitLabel: string; initial?: Record<string, unknown>;
  onSubmit: (body: Record<string, unknown>) => Promise<void>; children?: ReactNode;
}) {
  const schema = useRequestSchema(component);
  const [value, setValue] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (schema.isPending) return <Loading />;
  if (schema.error) return <ErrorBox error={schema.error} />;
  const s = schema.data as Schema;
  const current = value ?? { ...(initialValue(s, s) as object), ...initial };
  // field paths are prefixed with the component, so two forms on a page never share an element id
  const fieldErrors = error instanceof ApiError ? Object.fromEntries(Object.entries(error.fieldMessages).map(([k, v]) => [`${component}.${k}`, v])) : {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit((prune(current) ?? {}) as Record<string, unknown>);
      setValue(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const id = `form-${component}`;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <SchemaFields schema={s} value={current} onChange={setValue} errors={fieldErrors} prefix={component} />
      <ErrorBox error={error} />
      {children}
      <div className="actions"><button type="submit" className="primary" disabled={busy}>{busy ? 'Working…' : submitLabel}</button></div>
    </form>
  );
}
