/** Every title and message the app shows, in one place (edit here to change the wording). */
export const copy = {
  app: { title: 'Team Tasks', note: '' },
  projects: { title: 'Projects', singular: 'Project', emptyTitle: 'No projects yet', emptyMessage: 'When there are projects, they appear here.' },
  tasks: { title: 'Tasks', singular: 'Task', emptyTitle: 'No tasks yet', emptyMessage: 'The team\'s open tasks, most urgent first' },
};
