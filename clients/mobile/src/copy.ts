/** Every title and message the app shows, in one place (edit here to change the wording). */
export const copy = {
  app: { title: 'Luna', note: '' },
  agents: { title: 'Agents', singular: 'Agent', emptyTitle: 'No agents yet', emptyMessage: 'List agents (filter by type, status, health, capability, name prefix)' },
  apiKeys: { title: 'Api keys', singular: 'Api key', emptyTitle: 'No api keys yet', emptyMessage: 'List API keys (prefix and metadata only)' },
  devices: { title: 'Devices', singular: 'Device', emptyTitle: 'No devices yet', emptyMessage: 'Your devices registered for push notifications' },
  projects: { title: 'Projects', singular: 'Project', emptyTitle: 'No projects yet', emptyMessage: 'List the caller\'s projects' },
  tasks: { title: 'Tasks', singular: 'Task', emptyTitle: 'No tasks yet', emptyMessage: 'List tasks (filter by status, type, priority, agent, created range)' },
};
