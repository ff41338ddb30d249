import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ApiError } from '../api/client';

export function formatTime(iso?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function formatDuration(ms?: number | null): string {
  if (ms == null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 90) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function formatUsd(v?: number | null): string {
  return v == null ? '—' : `$${Number(v).toFixed(v < 1 ? 4 : 2)}`;
}

export function formatBytes(n?: number | null): string {
  if (n == null) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

const TONES: Record<string, string> = {
  healthy: 'ok', succeeded: 'ok', running: 'info', active: 'ok', completed: 'ok',
  degraded: 'warn', pending: 'warn', queued: 'muted', registered: 'muted', stopped: 'muted',
  delivered: 'ok', sending: 'info',
  unhealthy: 'bad', failed: 'bad', timed_out: 'bad', dead_lettered: 'bad', cancelled: 'muted', revoked: 'muted',
};

export function Badge({ value }: { value?: string | null }) {
  const v = value ?? 'unknown';
  return <span className={`badge badge-${TONES[v] ?? 'muted'}`}>{v.replace(/_/g, ' ')}</span>;
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error as Error;
  const code = error instanceof ApiError ? `${error.status} ${error.code}: ` : '';
  return (
    <div role="alert" className="error-box">
      {code}
      {e.message ?? String(error)}
    </div>
  );
}

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      {label}…
    </p>
  );
}

export function Card({ title, children, actions, className }: { title: string; children: ReactNode; actions?: ReactNode; className?: string }) {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id}>
      <header className="card-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // moves focus to the new page's heading so keyboard and screen-reader users start there
    ref.current?.focus();
  }, []);
  return (
    <div className="page-title">
      <h1 tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}

/** A confirmation dialog (native <dialog>: focus trapped, Escape cancels). */
export function Confirm({ open, title, children, confirmLabel, onConfirm, onCancel }: {
  open: boolean; title: string; children: ReactNode; confirmLabel: string; onConfirm: () => void; onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={onCancel} onClose={onCancel}>
      <h2 id={titleId}>{title}</h2>
      <div>{children}</div>
      <div className="actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="primary" onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </dialog>
  );
}

/** Horizontal bars for a few categories (accessible: a list with the numbers as text). */
export function Bars({ items, label }: { items: { name: string; value: number; tone?: string; note?: string }[]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="bars" aria-label={label}>
      {items.map((i) => (
        <li key={i.name}>
          <span className="bar-name">{i.name}</span>
          <span className="bar-track" aria-hidden="true">
            <span className={`bar-fill tone-${i.tone ?? 'info'}`} style={{ width: `${(i.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">
            {i.value}
            {i.note ? <span className="muted"> · {i.note}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function Progress({ value, label }: { value: number; label: string }) {
  return (
    <div className="progress">
      <progress max={100} value={value} aria-label={label} />
      <span className="progress-value">{Math.round(value)} %</span>
    </div>
  );
}

export function Json({ value }: { value: unknown }) {
  return <pre className="json" tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>;
}
