/** Where a push notification's data leads (hand-written; no React Native import, so it is unit-tested). */
export function routeOfData(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (d.kind === 'task' && typeof d.taskId === 'string') return `/companion/task/${encodeURIComponent(d.taskId)}`;
  if (d.kind === 'budget_alert') return '/companion/alerts';
  return null;
}
