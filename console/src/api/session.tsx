import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Api, type Session } from './client';

export interface Project {
  id: string;
  name: string;
  description?: string;
  yourRole?: string;
}

interface Member {
  userId: string;
  role: string;
}

interface Auth {
  api: Api;
  session: Session | null;
  projectId: string;
  setProjectId: (id: string) => void;
  projects: Project[];
  /** the caller's role in the current project (owner, admin, developer, viewer), when known */
  role: string | undefined;
  /** whether the credential has the scope (admin:full_access has all) */
  hasScope: (scope: string) => boolean;
  /** whether the UI should offer a write needing this scope in the current project */
  canWrite: (scope: string) => boolean;
  isAdmin: boolean;
}

const AuthContext = createContext<Auth | null>(null);
const PROJECT_KEY = 'luna.project';

export function AuthProvider({ api, children }: { api: Api; children: ReactNode }) {
  const session = useSyncExternalStore(
    (l) => api.subscribe(l),
    () => api.current(),
  );
  const [projectId, setProject] = useState<string>(() => localStorage.getItem(PROJECT_KEY) ?? '');
  const hasScope = (scope: string) => !!session && (session.scopes.includes('admin:full_access') || session.scopes.includes(scope));
  const projects = useQuery({
    queryKey: ['projects', session?.subject],
    enabled: !!session && (hasScope('projects:read') || !!session.boundProject),
    queryFn: () => api.get<Project[]>('/api/v1/projects?limit=100'),
    staleTime: 30_000,
  });
  const list = useMemo(() => {
    const items = projects.data ?? [];
    if (session?.boundProject && !items.some((p) => p.id === session.boundProject)) {
      return [{ id: session.boundProject, name: session.boundProject }, ...items];
    }
    return items.length ? items : [{ id: session?.boundProject ?? 'default', name: session?.boundProject ?? 'default' }];
  }, [projects.data, session?.boundProject]);
  const current = session?.boundProject ?? (list.some((p) => p.id === projectId) ? projectId : list[0]?.id ?? 'default');
  const members = useQuery({
    queryKey: ['members', current, session?.subject],
    enabled: !!session && hasScope('projects:read'),
    queryFn: () => api.get<Member[]>(`/api/v1/projects/${encodeURIComponent(current)}/members`),
    retry: false,
    staleTime: 30_000,
  });
  const isAdmin = hasScope('admin:full_access');
  const role =
    list.find((p) => p.id === current)?.yourRole ??
    members.data?.find((m) => m.userId === session?.subject)?.role ??
    (isAdmin ? 'owner' : undefined);

  useEffect(() => {
    if (current) localStorage.setItem(PROJECT_KEY, current);
  }, [current]);

  const value: Auth = {
    api,
    session,
    projectId: current,
    setProjectId: setProject,
    projects: list,
    role,
    hasScope,
    canWrite: (scope) => hasScope(scope) && role !== 'viewer',
    isAdmin,
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** Appends the current project to an API path (every project-scoped operation reads ?projectId=). */
export function inProject(path: string, projectId: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}projectId=${encodeURIComponent(projectId)}`;
}
