/** The typed client of Team Tasks (8 operations), generated from openapi.yaml. */
import { buildPath, request, type ClientConfig } from './http';
import type { Credentials, NewTask, Project, Session, Task, TaskPage } from './types';

export function createClient(config: ClientConfig) {
  return {
    /** POST /api/v1/auth/login: Sign in */
    login: (args: { body: Credentials }) => request<Session>(config, 'POST', buildPath('/api/v1/auth/login'), { body: args.body }),
    /** GET /api/v1/projects: Projects */
    listProjects: () => request<Project[]>(config, 'GET', buildPath('/api/v1/projects')),
    /** GET /api/v1/projects/{projectId}/members */
    listMembers: (args: { path: { 'projectId': string | number } }) => request<unknown>(config, 'GET', buildPath('/api/v1/projects/{projectId}/members', args.path)),
    /** GET /api/v1/tasks: The team's open tasks, most urgent first */
    listTasks: (args: { query?: { limit?: number; status?: 'todo' | 'doing' | 'done' } } = {}) => request<TaskPage>(config, 'GET', buildPath('/api/v1/tasks'), { query: args.query }),
    /** POST /api/v1/tasks */
    createTask: (args: { body: NewTask }) => request<Task>(config, 'POST', buildPath('/api/v1/tasks'), { body: args.body }),
    /** DELETE /api/v1/tasks/{taskId} */
    deleteTask: (args: { path: { 'taskId': string | number } }) => request<unknown>(config, 'DELETE', buildPath('/api/v1/tasks/{taskId}', args.path)),
    /** GET /api/v1/tasks/{taskId} */
    getTask: (args: { path: { 'taskId': string | number } }) => request<Task>(config, 'GET', buildPath('/api/v1/tasks/{taskId}', args.path)),
    /** PUT /api/v1/tasks/{taskId} */
    updateTask: (args: { path: { 'taskId': string | number }; body: NewTask }) => request<Task>(config, 'PUT', buildPath('/api/v1/tasks/{taskId}', args.path), { body: args.body }),
  };
}

export type ApiClient = ReturnType<typeof createClient>;
