/** The API's named schemas as TypeScript types. */

export type Credentials = { password: string; username: string; };

export type NewTask = { dueDate?: string; estimate?: number; status?: 'todo' | 'doing' | 'done'; title: string; urgent?: boolean; };

export type Project = { archived?: boolean; id?: number; name?: string; };

export type Session = { token?: string; };

export type Task = { dueDate?: string; estimate?: number; id: string; status: 'todo' | 'doing' | 'done'; tags?: string[]; title: string; urgent?: boolean; };

export type TaskPage = { items?: Task[]; next?: string | null; };

