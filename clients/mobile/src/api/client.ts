/** The typed client of Luna API (70 operations), generated from openapi.json. */
import { buildPath, request, type ClientConfig } from './http';
import type { Agent, AgentHealth, AgentMetrics, AgentRegistration, AgentUpdate, AgentVersion, ApiKey, ApiKeyCreate, ApiKeyCreated, ArtifactContent, AuditEntry, Budget, BudgetAlert, BudgetRequest, ChatCompletion, ChatCompletionRequest, DeadLetter, Device, DeviceRequest, GraphQlrequest, GraphQlresponse, Health, HealthOverview, Heartbeat, KeyRotated, Liveness, Member, MemberPut, PrioritizeRequest, PrioritizeResult, Project, ProjectCreate, ProjectUpdate, Queue, QueueStats, RagContext, RagContextUpdate, RagGitHookDelivery, RagIndexJob, RagIndexRequest, RagQuery, RagQueryResult, RedriveRequest, RedriveResult, RefreshRequest, RevokeRequest, Revoked, RollbackRequest, SuccessEnvelope, Task, TaskArtifacts, TaskEvent, TaskFollow, TaskResult, TaskSubmission, TaskTypes, TokenOptimizeRequest, TokenOptimizeResult, TokenRequest, TokenResponse, Trace, UsageReport } from './types';

export function createClient(config: ClientConfig) {
  return {
    /** GET /.well-known/jwks.json: Public keys that verify the platform's tokens (JWKS) */
    authJwks: () => request<unknown>(config, 'GET', buildPath('/.well-known/jwks.json')),
    /** GET /api/v1/admin/traces/{requestId}: The spans of one request's trace (HTTP, queue, worker, model gateway, provider), by the request id a response's X-Request-Id names; the local runtime keeps the la… */
    adminTracesGet: (args: { path: { 'requestId': string | number } }) => request<(SuccessEnvelope) & ({ data?: Trace; })>(config, 'GET', buildPath('/api/v1/admin/traces/{requestId}', args.path)),
    /** GET /api/v1/agents: List agents (filter by type, status, health, capability, name prefix) */
    agentsList: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: Agent[]; })>(config, 'GET', buildPath('/api/v1/agents'), { query: args.query }),
    /** POST /api/v1/agents: Register an agent */
    agentsCreate: (args: { body: AgentRegistration }) => request<(SuccessEnvelope) & ({ data?: Agent; })>(config, 'POST', buildPath('/api/v1/agents'), { body: args.body }),
    /** GET /api/v1/agents/health: Health of every active agent */
    agentsHealthSummary: () => request<(SuccessEnvelope) & ({ data?: HealthOverview; })>(config, 'GET', buildPath('/api/v1/agents/health')),
    /** DELETE /api/v1/agents/{id}: Deactivate an agent (kept for audit) */
    agentsDelete: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Agent; })>(config, 'DELETE', buildPath('/api/v1/agents/{id}', args.path)),
    /** GET /api/v1/agents/{id}: Get one agent */
    agentsGet: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Agent; })>(config, 'GET', buildPath('/api/v1/agents/{id}', args.path)),
    /** PUT /api/v1/agents/{id}: Update an agent (creates an immutable version record) */
    agentsUpdate: (args: { path: { 'id': string | number }; body: AgentUpdate }) => request<(SuccessEnvelope) & ({ data?: Agent; })>(config, 'PUT', buildPath('/api/v1/agents/{id}', args.path), { body: args.body }),
    /** GET /api/v1/agents/{id}/health: Health of one agent */
    agentsHealth: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: AgentHealth; })>(config, 'GET', buildPath('/api/v1/agents/{id}/health', args.path)),
    /** POST /api/v1/agents/{id}/heartbeat: Report an agent's heartbeat and metrics */
    agentsHeartbeat: (args: { path: { 'id': string | number }; body: Heartbeat }) => request<(SuccessEnvelope) & ({ data?: AgentHealth; })>(config, 'POST', buildPath('/api/v1/agents/{id}/heartbeat', args.path), { body: args.body }),
    /** GET /api/v1/agents/{id}/metrics: Metrics of one agent today (UTC): tasks by status, in flight, error rate, p50/p95 duration, tokens and cost, quota use */
    agentsMetrics: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: AgentMetrics; })>(config, 'GET', buildPath('/api/v1/agents/{id}/metrics', args.path)),
    /** POST /api/v1/agents/{id}/rollback: Roll an agent back to the previous or a named version */
    agentsRollback: (args: { path: { 'id': string | number }; body: RollbackRequest }) => request<(SuccessEnvelope) & ({ data?: Agent; })>(config, 'POST', buildPath('/api/v1/agents/{id}/rollback', args.path), { body: args.body }),
    /** POST /api/v1/agents/{id}/start: Start an agent */
    agentsStart: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Agent; })>(config, 'POST', buildPath('/api/v1/agents/{id}/start', args.path)),
    /** POST /api/v1/agents/{id}/stop: Stop an agent */
    agentsStop: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Agent; })>(config, 'POST', buildPath('/api/v1/agents/{id}/stop', args.path)),
    /** GET /api/v1/agents/{id}/versions: List an agent's immutable versions */
    agentsVersions: (args: { path: { 'id': string | number }; query?: { cursor?: string; limit?: number } }) => request<(SuccessEnvelope) & ({ data?: AgentVersion[]; })>(config, 'GET', buildPath('/api/v1/agents/{id}/versions', args.path), { query: args.query }),
    /** POST /api/v1/ai/chat/completions: OpenAI-compatible chat completions (stream: true answers as server-sent events) through the model gateway, with the caller's project, budget and usage applied */
    aiChatCompletions: (args: { body: ChatCompletionRequest }) => request<ChatCompletion>(config, 'POST', buildPath('/api/v1/ai/chat/completions'), { body: args.body }),
    /** GET /api/v1/api-keys: List API keys (prefix and metadata only) */
    apiKeysList: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: ApiKey[]; })>(config, 'GET', buildPath('/api/v1/api-keys'), { query: args.query }),
    /** POST /api/v1/api-keys: Create an API key (secret shown once; never more scopes than the creator) */
    apiKeysCreate: (args: { body: ApiKeyCreate }) => request<(SuccessEnvelope) & ({ data?: ApiKeyCreated; })>(config, 'POST', buildPath('/api/v1/api-keys'), { body: args.body }),
    /** DELETE /api/v1/api-keys/{id}: Revoke an API key at once */
    apiKeysDelete: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: ApiKey; })>(config, 'DELETE', buildPath('/api/v1/api-keys/{id}', args.path)),
    /** GET /api/v1/audit: Query the audit log (actor, project, action, time range) */
    auditList: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: AuditEntry[]; })>(config, 'GET', buildPath('/api/v1/audit'), { query: args.query }),
    /** POST /api/v1/auth/keys/rotate: Rotate the token signing key */
    authKeysRotate: () => request<(SuccessEnvelope) & ({ data?: KeyRotated; })>(config, 'POST', buildPath('/api/v1/auth/keys/rotate')),
    /** POST /api/v1/auth/refresh: Rotate a refresh token (reuse revokes its whole family) */
    authRefresh: (args: { body: RefreshRequest }) => request<(SuccessEnvelope) & ({ data?: TokenResponse; })>(config, 'POST', buildPath('/api/v1/auth/refresh'), { body: args.body }),
    /** POST /api/v1/auth/revoke: Revoke an access or refresh token */
    authRevoke: (args: { body: RevokeRequest }) => request<(SuccessEnvelope) & ({ data?: Revoked; })>(config, 'POST', buildPath('/api/v1/auth/revoke'), { body: args.body }),
    /** POST /api/v1/auth/token: Exchange an API key or client credentials for an access token and a refresh token */
    authToken: (args: { body: TokenRequest }) => request<(SuccessEnvelope) & ({ data?: TokenResponse; })>(config, 'POST', buildPath('/api/v1/auth/token'), { body: args.body }),
    /** GET /api/v1/dead-letters: List dead-lettered tasks with their failure analysis */
    deadLettersList: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: DeadLetter[]; })>(config, 'GET', buildPath('/api/v1/dead-letters'), { query: args.query }),
    /** POST /api/v1/dead-letters/redrive: Re-queue dead-lettered tasks with a fresh attempt budget */
    deadLettersRedrive: (args: { body: RedriveRequest }) => request<(SuccessEnvelope) & ({ data?: RedriveResult; })>(config, 'POST', buildPath('/api/v1/dead-letters/redrive'), { body: args.body }),
    /** GET /api/v1/devices: Your devices registered for push notifications */
    devicesList: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: Device[]; })>(config, 'GET', buildPath('/api/v1/devices'), { query: args.query }),
    /** POST /api/v1/devices: Register (or update) one of your devices for push notifications: its Expo push token, platform, and whether it hears about followed tasks and the project's budget alerts */
    devicesRegister: (args: { body: DeviceRequest }) => request<(SuccessEnvelope) & ({ data?: Device; })>(config, 'POST', buildPath('/api/v1/devices'), { body: args.body }),
    /** DELETE /api/v1/devices/{id}: Forget one of your devices (it gets no more pushes) */
    devicesDelete: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Device; })>(config, 'DELETE', buildPath('/api/v1/devices/{id}', args.path)),
    /** GET /api/v1/graphql: Run a persisted GraphQL query by its SHA-256 (id=…, or Apollo's extensions={"persistedQuery":{"version":1,"sha256Hash":…}}), with variables as JSON in the query string */
    graphqlPersisted: () => request<GraphQlresponse>(config, 'GET', buildPath('/api/v1/graphql')),
    /** POST /api/v1/graphql: GraphQL API: queries of projects, agents, tasks, queues, usage, budgets and RAG index jobs, and the agent and task mutations, each field through its REST function (same scopes an… */
    graphql: (args: { body: GraphQlrequest }) => request<GraphQlresponse>(config, 'POST', buildPath('/api/v1/graphql'), { body: args.body }),
    /** GET /api/v1/health: Platform readiness: DynamoDB and S3 reachable (probed at most every 5 s per instance) */
    health: () => request<(SuccessEnvelope) & ({ data?: Health; })>(config, 'GET', buildPath('/api/v1/health')),
    /** GET /api/v1/health/live: Platform liveness: the function answers (no dependency is called) */
    healthLive: () => request<(SuccessEnvelope) & ({ data?: Liveness; })>(config, 'GET', buildPath('/api/v1/health/live')),
    /** GET /api/v1/openapi.json: OpenAPI 3.1 document of the platform */
    openapi: () => request<unknown>(config, 'GET', buildPath('/api/v1/openapi.json')),
    /** GET /api/v1/projects: List the caller's projects */
    projectsList: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: Project[]; })>(config, 'GET', buildPath('/api/v1/projects'), { query: args.query }),
    /** POST /api/v1/projects: Create a project (the caller becomes its owner) */
    projectsCreate: (args: { body: ProjectCreate }) => request<(SuccessEnvelope) & ({ data?: Project; })>(config, 'POST', buildPath('/api/v1/projects'), { body: args.body }),
    /** DELETE /api/v1/projects/{id}: Delete a project (owner) */
    projectsDelete: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Project; })>(config, 'DELETE', buildPath('/api/v1/projects/{id}', args.path)),
    /** GET /api/v1/projects/{id}: Get a project */
    projectsGet: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Project; })>(config, 'GET', buildPath('/api/v1/projects/{id}', args.path)),
    /** PUT /api/v1/projects/{id}: Update a project (admin or owner) */
    projectsUpdate: (args: { path: { 'id': string | number }; body: ProjectUpdate }) => request<(SuccessEnvelope) & ({ data?: Project; })>(config, 'PUT', buildPath('/api/v1/projects/{id}', args.path), { body: args.body }),
    /** GET /api/v1/projects/{id}/members: List a project's members */
    projectsMembersList: (args: { path: { 'id': string | number }; query?: { cursor?: string; limit?: number } }) => request<(SuccessEnvelope) & ({ data?: Member[]; })>(config, 'GET', buildPath('/api/v1/projects/{id}/members', args.path), { query: args.query }),
    /** POST /api/v1/projects/{id}/members: Add a member or change a member's role */
    projectsMembersAdd: (args: { path: { 'id': string | number }; body: MemberPut }) => request<(SuccessEnvelope) & ({ data?: Member; })>(config, 'POST', buildPath('/api/v1/projects/{id}/members', args.path), { body: args.body }),
    /** DELETE /api/v1/projects/{id}/members/{userId}: Remove a member (never the last owner) */
    projectsMembersRemove: (args: { path: { 'id': string | number; 'userId': string | number } }) => request<(SuccessEnvelope) & ({ data?: Member; })>(config, 'DELETE', buildPath('/api/v1/projects/{id}/members/{userId}', args.path)),
    /** GET /api/v1/queues: List the five priority queues with depth, in-flight and oldest waiting task */
    queuesList: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: Queue[]; })>(config, 'GET', buildPath('/api/v1/queues'), { query: args.query }),
    /** POST /api/v1/queues/{id}/prioritize: Move waiting tasks of a queue to another priority */
    queuesPrioritize: (args: { path: { 'id': string | number }; body: PrioritizeRequest }) => request<(SuccessEnvelope) & ({ data?: PrioritizeResult; })>(config, 'POST', buildPath('/api/v1/queues/{id}/prioritize', args.path), { body: args.body }),
    /** GET /api/v1/queues/{id}/stats: Queue statistics: depth, in-flight, oldest age, throughput, wait and run latency, failures, dead letters */
    queuesStats: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: QueueStats; })>(config, 'GET', buildPath('/api/v1/queues/{id}/stats', args.path)),
    /** DELETE /api/v1/rag/context/{id}: Delete a context from the index and the caches */
    ragContextDelete: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: RagContext; })>(config, 'DELETE', buildPath('/api/v1/rag/context/{id}', args.path)),
    /** GET /api/v1/rag/context/{id}: Get one indexed context (chunk) */
    ragContextGet: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: RagContext; })>(config, 'GET', buildPath('/api/v1/rag/context/{id}', args.path)),
    /** PUT /api/v1/rag/context/{id}: Replace a context's content (re-embedded) */
    ragContextUpdate: (args: { path: { 'id': string | number }; body: RagContextUpdate }) => request<(SuccessEnvelope) & ({ data?: RagContext; })>(config, 'PUT', buildPath('/api/v1/rag/context/{id}', args.path), { body: args.body }),
    /** POST /api/v1/rag/hooks/git: Push webhook from GitHub or GitLab: re-index the watched git sources the push moved (signature checked against each index's secret) */
    ragGitHook: () => request<(SuccessEnvelope) & ({ data?: RagGitHookDelivery; })>(config, 'POST', buildPath('/api/v1/rag/hooks/git')),
    /** POST /api/v1/rag/index: Index a codebase (inline files, zip/tar.gz archive, S3 prefix or git repository; code, text, PDF, images and audio) as an asynchronous job */
    ragIndex: (args: { body: RagIndexRequest }) => request<(SuccessEnvelope) & ({ data?: RagIndexJob; })>(config, 'POST', buildPath('/api/v1/rag/index'), { body: args.body }),
    /** GET /api/v1/rag/index/{id}: Status, progress and per-file errors of an index job */
    ragIndexStatus: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: RagIndexJob; })>(config, 'GET', buildPath('/api/v1/rag/index/{id}', args.path)),
    /** POST /api/v1/rag/query: Retrieve ranked code contexts (hybrid, vector or keyword) packed into a token budget */
    ragQuery: (args: { body: RagQuery }) => request<(SuccessEnvelope) & ({ data?: RagQueryResult; })>(config, 'POST', buildPath('/api/v1/rag/query'), { body: args.body }),
    /** GET /api/v1/task-types: List the task types with their description, timeout, whether they are deployed, and their payload's JSON Schema */
    taskTypesList: () => request<(SuccessEnvelope) & ({ data?: TaskTypes; })>(config, 'GET', buildPath('/api/v1/task-types')),
    /** GET /api/v1/tasks: List tasks (filter by status, type, priority, agent, created range) */
    tasksList: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: Task[]; })>(config, 'GET', buildPath('/api/v1/tasks'), { query: args.query }),
    /** POST /api/v1/tasks: Submit a task (validated against its type's schema, routed to a capable running agent, served from the result cache when identical) */
    tasksSubmit: (args: { body: TaskSubmission }) => request<(SuccessEnvelope) & ({ data?: Task; })>(config, 'POST', buildPath('/api/v1/tasks'), { body: args.body }),
    /** DELETE /api/v1/tasks/{id}: Cancel a task (a queued one never runs; a running one stops at its next progress step) */
    tasksCancel: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Task; })>(config, 'DELETE', buildPath('/api/v1/tasks/{id}', args.path)),
    /** GET /api/v1/tasks/{id}: Get one task with its progress */
    tasksGet: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Task; })>(config, 'GET', buildPath('/api/v1/tasks/{id}', args.path)),
    /** GET /api/v1/tasks/{id}/artifacts: List a task's artifacts (name, content type, size, SHA-256, download link) */
    tasksArtifactsList: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: TaskArtifacts; })>(config, 'GET', buildPath('/api/v1/tasks/{id}/artifacts', args.path)),
    /** GET /api/v1/tasks/{id}/artifacts/{name}: Download one artifact of a task (streamed locally; a 302 to a presigned S3 URL in AWS) */
    tasksArtifactsGet: (args: { path: { 'id': string | number; 'name': string | number } }) => request<ArtifactContent>(config, 'GET', buildPath('/api/v1/tasks/{id}/artifacts/{name}', args.path)),
    /** GET /api/v1/tasks/{id}/events: Follow a task's progress as Server-Sent Events (long-polling form: each answer carries the state newer than Last-Event-ID, or a keep-alive after `wait` seconds; 204 once… */
    tasksEvents: (args: { path: { 'id': string | number } }) => request<TaskEvent>(config, 'GET', buildPath('/api/v1/tasks/{id}/events', args.path)),
    /** DELETE /api/v1/tasks/{id}/follow: Stop following a task */
    tasksUnfollow: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: TaskFollow; })>(config, 'DELETE', buildPath('/api/v1/tasks/{id}/follow', args.path)),
    /** POST /api/v1/tasks/{id}/follow: Follow a task: when it ends, your devices that follow tasks get a push notification */
    tasksFollow: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: TaskFollow; })>(config, 'POST', buildPath('/api/v1/tasks/{id}/follow', args.path)),
    /** GET /api/v1/tasks/{id}/result: Get a task's result (large results are read from S3) */
    tasksResult: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: TaskResult; })>(config, 'GET', buildPath('/api/v1/tasks/{id}/result', args.path)),
    /** POST /api/v1/tasks/{id}/retry: Retry a failed, cancelled, timed-out or dead-lettered task */
    tasksRetry: (args: { path: { 'id': string | number } }) => request<(SuccessEnvelope) & ({ data?: Task; })>(config, 'POST', buildPath('/api/v1/tasks/{id}/retry', args.path)),
    /** GET /api/v1/tokens/alerts: Budget alerts of the project, newest first, with their delivery */
    tokensAlerts: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: BudgetAlert[]; })>(config, 'GET', buildPath('/api/v1/tokens/alerts'), { query: args.query }),
    /** GET /api/v1/tokens/budget: The project's budgets and where each stands this month */
    tokensBudgetList: (args: { query?: { cursor?: string; limit?: number } } = {}) => request<(SuccessEnvelope) & ({ data?: Budget[]; })>(config, 'GET', buildPath('/api/v1/tokens/budget'), { query: args.query }),
    /** POST /api/v1/tokens/budget: Set the monthly budget of the project or of one agent (limit, alert thresholds, notification target, hard stop) */
    tokensBudgetSet: (args: { body: BudgetRequest }) => request<(SuccessEnvelope) & ({ data?: Budget; })>(config, 'POST', buildPath('/api/v1/tokens/budget'), { body: args.body }),
    /** POST /api/v1/tokens/optimize: Shrink a prompt and its contexts toward a token target (dedupe, whitespace, comments, signature-only, summarisation through the gateway) and record the savings */
    tokensOptimize: (args: { body: TokenOptimizeRequest }) => request<(SuccessEnvelope) & ({ data?: TokenOptimizeResult; })>(config, 'POST', buildPath('/api/v1/tokens/optimize'), { body: args.body }),
    /** GET /api/v1/tokens/usage: Token usage and exact cost over a date range, grouped by day, provider, model, task type or agent */
    tokensUsage: () => request<(SuccessEnvelope) & ({ data?: UsageReport; })>(config, 'GET', buildPath('/api/v1/tokens/usage')),
    /** GET /docs: API reference page rendering the OpenAPI document */
    docs: () => request<unknown>(config, 'GET', buildPath('/docs')),
  };
}

export type ApiClient = ReturnType<typeof createClient>;
