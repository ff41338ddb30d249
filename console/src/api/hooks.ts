import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { inProject, useAuth } from './session';

/** A GET of the API in the current project, as a react-query query keyed by path and project. */
export function useApi<T>(path: string | null, options: Partial<UseQueryOptions<T>> & { global?: boolean } = {}) {
  const { api, projectId, session } = useAuth();
  const { global, ...rest } = options;
  const url = path === null ? '' : global ? path : inProject(path, projectId);
  return useQuery<T>({
    queryKey: [url],
    queryFn: () => api.get<T>(url),
    enabled: path !== null && !!session && (rest.enabled ?? true),
    ...rest,
  } as UseQueryOptions<T>);
}

/** Like useApi, keeping the envelope: a list's data and the cursor of its next page (from links.next). */
export function useApiPage<T>(path: string, options: Partial<UseQueryOptions<{ data: T; next?: string }>> = {}) {
  const { api, projectId, session } = useAuth();
  const url = inProject(path, projectId);
  return useQuery<{ data: T; next?: string }>({
    queryKey: ['page', url],
    queryFn: async () => {
      const e = await api.request<T>('GET', url);
      const next = e.links?.next ? new URL(e.links.next, location.origin).searchParams.get('cursor') ?? undefined : undefined;
      return { data: e.data, next };
    },
    enabled: !!session,
    ...options,
  } as UseQueryOptions<{ data: T; next?: string }>);
}

/**
 * The JSON Schema of an operation's request body, from the platform's own OpenAPI document (components.schemas),
 * ready for SchemaFields: its references resolve against the document's schemas; `projectId` is left out (the
 * console sends the current project).
 */
export function useRequestSchema(component: string) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['openapi'],
    queryFn: () => fetch('/api/v1/openapi.json').then((r) => r.json() as Promise<{ components: { schemas: Record<string, Record<string, unknown>> } }>),
    staleTime: Infinity,
    enabled: !!api,
    select: (doc) => {
      const schemas = doc.components.schemas;
      const schema = schemas[component] ?? {};
      const { projectId: _omitted, ...properties } = (schema.properties ?? {}) as Record<string, unknown>;
      void _omitted;
      return { ...schema, properties, $defs: schemas } as Record<string, unknown>;
    },
  });
}
