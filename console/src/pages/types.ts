export interface Agent {
  id: string;
  name: string;
  type: string;
  version: string;
  status: string;
  description?: string;
  config: { runtime?: string; timeout?: number; capabilities?: string[]; [k: string]: unknown };
  resourceQuota?: Record<string, number>;
  revision: number;
  versionNumber: number;
  health?: AgentHealth;
  quotaUsage?: Record<string, number | string>;
  createdAt: string;
  updatedAt: string;
}

export interface AgentHealth {
  agentId: string;
  name: string;
  agentStatus: string;
  status: string;
  reason?: string;
  inputs?: Record<string, unknown>;
}

export interface QueueInfo {
  id: string;
  priority: number;
  depth: number;
  inFlight: number;
  delayed: number;
  oldestAgeSeconds?: number | null;
  oldestTaskId?: string | null;
  types?: { type: string; depth: number; inFlight: number; delayed: number }[];
}

export interface TaskSummary {
  id: string;
  type: string;
  status: string;
  priority: number;
  queue?: string;
  agentId?: string;
  progress?: { percentage?: number; stage?: string };
  createdAt: string;
  completedAt?: string;
  error?: { code?: string; message?: string };
}

export interface Usage {
  from: string;
  to: string;
  groups: { key: Record<string, string>; calls: number; inputTokens: number; outputTokens: number; costUsd: number }[];
  total: { calls: number; inputTokens: number; outputTokens: number; costUsd: number };
}

export interface Budget {
  projectId: string;
  agentId?: string | null;
  monthlyLimitUsd: number;
  alertThresholds: number[];
  hardStop: boolean;
  revision: number;
  spentUsd?: number;
  /** where its alerts go */
  notification?: { type: 'webhook' | 'slack' | 'email'; url?: string; email?: string } | null;
  /** only in the answer that set it */
  signingSecret?: string;
  [k: string]: unknown;
}

export interface Alert {
  id?: string;
  at?: string;
  createdAt?: string;
  threshold?: number;
  message?: string;
  agentId?: string | null;
  spentUsd?: number;
  limitUsd?: number;
  channel?: string;
  target?: string | null;
  deliveryStatus?: string;
  attempts?: number;
  lastError?: string | null;
  [k: string]: unknown;
}

export const PRIORITIES = ['critical', 'high', 'normal', 'low', 'background'];

export function monthStart(): string {
  const d = new Date();
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
}
