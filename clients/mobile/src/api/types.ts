/** The API's named schemas as TypeScript types. */

export type Agent = { config?: AgentConfig; createdAt?: string; createdBy?: string; deactivatedAt?: string; description?: string; health?: AgentHealth; id?: string; name?: string; projectId?: string; quotaUsage?: QuotaUsage; resourceQuota?: ResourceQuota; revision?: number; startedAt?: string; status?: 'registered' | 'running' | 'stopped' | 'deactivated'; stoppedAt?: string; type?: string; updatedAt?: string; version?: string; versionNumber?: number; };

export type AgentConfig = { capabilities?: string[]; dependencies?: string[]; environment?: Record<string, string>; retryPolicy?: RetryPolicy; runtime: 'nodejs' | 'python' | 'swift' | 'java'; timeout?: number; };

export type AgentHealth = { agentId?: string; agentStatus?: 'registered' | 'running' | 'stopped' | 'deactivated'; inputs?: HealthInputs; lastCheck?: string; metrics?: Metrics; name?: string; reason?: string; status?: 'healthy' | 'degraded' | 'unhealthy'; };

/** An agent's figures of today (UTC): tasks created since the start of the day */
export type AgentMetrics = { agentId?: string; at?: string; costUsdToday?: number; day?: string; errorRate?: number; modelCallsToday?: number; p50DurationMs?: number | null; p95DurationMs?: number | null; projectId?: string; quota?: QuotaUsage; since?: string; tasksByStatus?: Record<string, number>; tasksFinished?: number; tasksInFlight?: number; tasksTotal?: number; tokensToday?: number; };

export type AgentRegistration = { config: AgentConfig; description?: string; name: string; projectId?: string; resourceQuota?: ResourceQuota; type: string; version: string; };

export type AgentSpec = { config: AgentConfig; description?: string; name: string; resourceQuota?: ResourceQuota; type: string; version: string; };

/** Each field given replaces the stored one whole */
export type AgentUpdate = { config?: AgentConfig; description?: string; name?: string; resourceQuota?: ResourceQuota; revision?: number; type?: string; version?: string; };

export type AgentVersion = { agentId?: string; change?: 'created' | 'updated' | 'rolled_back'; createdAt?: string; createdBy?: string; restoredFrom?: number; spec?: AgentSpec; versionNumber?: number; };

export type ApiKey = { createdAt?: string; expiresAt?: string; id?: string; name?: string; owner?: string; prefix?: string; projectId?: string; rateLimitPerMinute?: number; revokedAt?: string; scopes?: string[]; status?: 'active' | 'revoked'; };

export type ApiKeyCreate = { expiresAt?: string; expiresInDays?: number; name: string; owner?: string; projectId?: string; rateLimitPerMinute?: number; scopes: Array<'admin:full_access' | 'agents:read' | 'agents:write' | 'projects:read' | 'projects:write' | 'rag:read' | 'rag:write' | 'tasks:read' | 'tasks:write' | 'tokens:read' | 'tokens:write'>; };

export type ApiKeyCreated = { key?: ApiKey; secret?: string; };

export type Artifact = { bytes?: number; contentType?: string; key?: string; name?: string; sha256?: string; };

/** The artifact's bytes with its content type (the local runtime); in AWS a 302 redirect to a presigned S3 URL valid 5 minutes */
export type ArtifactContent = string;

export type AuditEntry = { action?: string; actor?: string; actorKind?: string; at?: string; credentialId?: string; errorCode?: string; id?: string; method?: string; path?: string; projectId?: string; requestId?: string; resourceId?: string; sourceIp?: string; status?: number; userAgent?: string; };

export type Budget = { agentId?: string | null; alertThresholds?: number[]; createdAt?: string; currentPeriod?: BudgetStatus; hardStop?: boolean; monthlyLimitUsd?: number; notification?: BudgetNotification; projectId?: string; revision?: number; scope?: 'project' | 'agent'; signingSecret?: string; updatedAt?: string; };

export type BudgetAlert = { agentId?: string | null; attempts?: number; channel?: 'webhook' | 'slack' | 'email' | 'none'; createdAt?: string; deliveredAt?: string | null; deliveryStatus?: 'pending' | 'sending' | 'delivered' | 'failed' | 'recorded' | 'no_target'; id?: string; lastAttemptAt?: string | null; lastError?: string | null; limitUsd?: number; period?: string; projectId?: string; spentUsd?: number; target?: string | null; threshold?: number; utilization?: number; };

export type BudgetNotification = { email?: string; secret?: string; type: 'webhook' | 'slack' | 'email'; url?: string; };

export type BudgetRequest = { agentId?: string; alertThresholds?: number[]; hardStop?: boolean; monthlyLimitUsd: number; notification?: BudgetNotification; revision?: number; };

export type BudgetStatus = { period?: string; remainingUsd?: number; reservedUsd?: number; spentUsd?: number; utilization?: number; };

/** OpenAI chat.completion (not in Luna's envelope), or with stream: true a text/event-stream of ChatCompletionChunk events */
export type ChatCompletion = { choices?: Array<{ finish_reason?: 'stop' | 'length' | 'content_filter' | 'tool_calls'; index?: number; message?: { content?: string; role?: unknown; }; }>; created?: number; id?: string; luna?: LunaChatResult; model?: string; object?: unknown; system_fingerprint?: string; usage?: ChatUsage; };

/** SSE: lines 'data: {chat.completion.chunk}' separated by blank lines; the last chunk has finish_reason and 'luna'; with stream_options.include_usage a chunk with empty choices and usage follows; the st… */
export type ChatCompletionChunk = string;

/** OpenAI chat completions request. model: a catalog id ('gpt-4o-mini', 'claude-sonnet-4-5', 'openai/gpt-4.1', ...) or 'auto' (default) for routing. Accepted and ignored: user, seed, presence_penalty, fr… */
export type ChatCompletionRequest = { luna?: LunaChatOptions; max_completion_tokens?: number; max_tokens?: number; messages: ChatMessage[]; model?: string; n?: number; response_format?: { type?: 'text' | 'json_object'; }; stop?: (string) | (string[]); stream?: boolean; stream_options?: { include_usage?: boolean; }; temperature?: number; top_p?: number; };

export type ChatMessage = { content: (string) | (Array<{ text: string; type: unknown; }>); name?: string; role: 'system' | 'developer' | 'user' | 'assistant'; };

export type ChatUsage = { completion_tokens?: number; prompt_tokens?: number; prompt_tokens_details?: { cached_tokens?: number; }; total_tokens?: number; };

export type DeadLetter = { agentId?: string; analysis?: TaskError; attempts?: number; deadLetteredAt?: string; priority?: number; queue?: string; taskId?: string; type?: string; };

export type Device = { createdAt?: string; expoPushToken?: string; followBudgetAlerts?: boolean; followTasks?: boolean; id?: string; platform?: 'ios' | 'android' | 'web'; projectId?: string; updatedAt?: string; userId?: string; };

export type DeviceRequest = { expoPushToken: string; follow?: { budgetAlerts?: boolean; tasks?: boolean; }; platform: 'ios' | 'android' | 'web'; };

export type ErrorEnvelope = { error: { code: string; details?: Record<string, unknown>; message: string; requestId: string; timestamp: string; }; };

/** A GraphQL request: query (or extensions.persistedQuery.sha256Hash of a persisted query), operationName, variables */
export type GraphQlrequest = { extensions?: Record<string, unknown>; operationName?: string; query?: string; variables?: Record<string, unknown>; };

/** A GraphQL response (not in Luna's envelope): data, and errors whose extensions.code is the platform's error code (extensions.status its HTTP status). The schema is docs/schema.graphql */
export type GraphQlresponse = { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string; details?: unknown; status?: number; }; locations?: unknown[]; message: string; path?: unknown[]; }>; };

export type Health = { ageMs?: number; checkedAt?: string; checks?: Record<string, { latencyMs?: number; status?: string; }>; status?: 'ok'; };

/** What the verdict was derived from: the agent's tasks created in the last windowSeconds, the circuit breakers of its task types and its heartbeat since its last start (self-hosted agents only) */
export type HealthInputs = { consecutiveFailures?: number; errorRate?: number; heartbeatAgeSeconds?: number | null; heartbeatAt?: string | null; lastInvocationAt?: string | null; openCircuits?: string[]; p95DurationMs?: number | null; tasksFailed?: number; tasksFinished?: number; tasksRunning?: number; tasksTimedOut?: number; timeoutMs?: number; windowSeconds?: number; };

export type HealthOverview = { agents?: AgentHealth[]; summary?: { degraded?: number; healthy?: number; total?: number; unhealthy?: number; }; };

export type Heartbeat = { metrics?: Metrics; };

export type KeyRotated = { kid?: string; };

export type Latency = { max?: number; p50?: number; p95?: number; };

export type Links = { next?: string; prev?: string; self: string; status?: string; };

export type Liveness = { status?: 'ok'; };

/** Luna's routing wishes (also X-Luna-Agent-Id / X-Luna-Task-Id / X-Luna-Task-Type headers). The project is the API key's (admin keys: ?projectId=). */
export type LunaChatOptions = { agentId?: string; capabilities?: Array<'tools' | 'vision' | 'json' | 'streaming'>; complexity?: 'simple' | 'medium' | 'complex'; costBudgetUsd?: number; fallbacks?: string[]; maxLatencyMs?: number; optimized?: boolean; provider?: 'openai' | 'anthropic' | 'deepseek' | 'gemini' | 'local'; strategy?: 'cheapest-capable' | 'fastest' | 'pinned'; taskId?: string; taskType?: string; };

/** What Luna did: who answered, why, at what exact cost, every attempt and failover */
export type LunaChatResult = { attempts?: Array<{ detail?: string | null; durationMs?: number; error?: string | null; httpStatus?: number | null; model?: string; outcome?: 'ok' | 'failed' | 'skipped'; provider?: string; }>; cacheWriteTokens?: number; costUsd?: number; failovers?: Array<{ afterChars?: number; from?: string; reason?: string; to?: string; }>; gatewayOverheadMs?: number; model?: string; offline?: boolean; provider?: string; route?: { candidates?: string[]; complexity?: string; complexityEstimated?: boolean; reason?: string; strategy?: string; }; usageEstimated?: boolean; };

export type Member = { addedAt?: string; addedBy?: string; projectId?: string; role?: 'viewer' | 'developer' | 'admin' | 'owner'; userId?: string; };

export type MemberPut = { role: 'viewer' | 'developer' | 'admin' | 'owner'; userId: string; };

export type Meta = { requestId: string; timestamp: string; version: string; };

export type Metrics = { cpu?: number; errorRate?: number; memory?: number; tasksCompleted?: number; uptime?: number; };

export type PrioritizeRequest = { limit?: number; priority: (number) | ('critical' | 'high' | 'normal' | 'low' | 'background'); taskIds?: string[]; };

export type PrioritizeResult = { from?: string; moved?: string[]; skipped?: Array<{ reason?: string; taskId?: string; }>; to?: string; };

export type ProgressStep = { completedAt?: string; error?: string; name?: string; startedAt?: string; status?: 'pending' | 'running' | 'completed' | 'failed'; };

export type Project = { createdAt?: string; createdBy?: string; description?: string; id?: string; name?: string; revision?: number; settings?: Record<string, string>; updatedAt?: string; yourRole?: 'viewer' | 'developer' | 'admin' | 'owner'; };

export type ProjectCreate = { description?: string; name: string; settings?: Record<string, string>; };

export type ProjectUpdate = { description?: string; name?: string; revision?: number; settings?: Record<string, string>; };

export type Queue = { batchSize?: number; delayed?: number; depth?: number; id?: 'critical' | 'high' | 'normal' | 'low' | 'background'; inFlight?: number; maxConcurrency?: number; oldestAgeSeconds?: number; oldestTaskId?: string; priority?: number; queue?: string; worker?: string; };

export type QueueStats = { attempts?: Record<string, number>; deadLetterQueueDepth?: number; deadLettered?: number; delayed?: number; depth?: number; failures?: number; from?: string; id?: string; inFlight?: number; oldestAgeSeconds?: number; priority?: number; runMs?: Latency; throughputPerMinute?: number; to?: string; truncated?: boolean; waitMs?: Latency; windowMinutes?: number; };

/** Where the agent stands against its resourceQuota: model tokens today (UTC) as the gateway counts them, and tasks holding a concurrency slot */
export type QuotaUsage = { costUsdToday?: number; day?: string; maxConcurrentTasks?: number; modelCallsToday?: number; tasksRunning?: number; tokenLimitPerDay?: number; tokensRemaining?: number; tokensToday?: number; };

export type RagContext = { content?: string; contentHash?: string; endLine?: number; id?: string; kind?: string; language?: string; path?: string; projectId?: string; startLine?: number; symbol?: string | null; tokenCount?: number; };

export type RagContextUpdate = { content: string; symbol?: string; };

export type RagFileError = { path?: string; reason?: string; };

export type RagGitHookDelivery = { event: string; provider: 'github' | 'gitlab'; queued: Array<{ jobId?: string; revision?: string; watchId?: string; }>; skipped: Array<{ reason?: string; watchId?: string; }>; };

export type RagIndexJob = { createdAt?: string; createdBy?: string; errors?: RagFileError[]; failure?: string | null; finishedAt?: string | null; freshness?: { checkedAt?: string | null; indexedAt?: string | null; indexedRevision?: string | null; intervalMinutes?: number | null; lastJobId?: string | null; latestRevision?: string | null; ref?: string | null; stale?: boolean; url?: string; watchId?: string; webhook?: boolean; }; id: string; progress?: { filesProcessed?: number; filesTotal?: number; }; projectId: string; refresh?: { intervalMinutes?: number | null; secret?: string | null; watchId?: string; webhook?: boolean; webhookUrl?: string | null; }; result?: { chunksEmbedded?: number; chunksInIndex?: number; chunksIndexed?: number; durationMs?: number; embeddingCacheHits?: number; filesDeleted?: number; filesIndexed?: number; filesSkipped?: number; filesUnchanged?: number; revision?: string | null; } | null; sourceType?: string; startedAt?: string | null; status: 'queued' | 'running' | 'succeeded' | 'failed'; };

export type RagIndexRequest = { deleteMissing?: boolean; deletedPaths?: string[]; exclude?: string[]; include?: string[]; projectId?: string; refresh?: { intervalMinutes?: number; secret?: string; webhook?: boolean; }; source: RagSource; };

export type RagInlineFile = { content?: string; contentBase64?: string; path: string; };

export type RagQuery = { filters?: { language?: string; path?: string; symbol?: string; }; mode?: 'hybrid' | 'vector' | 'keyword'; projectId?: string; query: string; tokenBudget?: number; topK?: number; };

export type RagQueryResult = { candidates?: number; contexts?: RagRankedContext[]; droppedDuplicates?: number; merged?: number; mode?: string; omittedForBudget?: number; projectId?: string; query?: string; tokenBudget?: number | null; tokenizer?: string; tookMs?: number; totalTokens?: number; };

export type RagRankedContext = { content?: string; endLine?: number; id?: string; language?: string; path?: string; relevanceScore?: number; startLine?: number; symbol?: string | null; tokenCount?: number; };

export type RagSource = { contentBase64?: string; credentialsSecret?: string; files?: RagInlineFile[]; format?: 'zip' | 'tar.gz' | 'tar'; prefix?: string; ref?: string; type: 'inline' | 'archive' | 's3' | 'git'; url?: string; };

export type RedriveRequest = { limit?: number; taskIds?: string[]; };

export type RedriveResult = { redriven?: string[]; skipped?: Array<{ reason?: string; taskId?: string; }>; };

export type RefreshRequest = { refresh_token: string; };

export type ResourceQuota = { cpu?: number; maxConcurrentTasks?: number; maxExecutionTime?: number; memoryMb?: number; tokenLimitPerDay?: number; };

export type RetryPolicy = { initialDelayMs?: number; maxAttempts?: number; maxDelayMs?: number; multiplier?: number; };

export type RevokeRequest = { token: string; token_type_hint?: string; };

export type Revoked = { revoked?: boolean; };

/** Neither field: the version before the current one */
export type RollbackRequest = { revision?: number; version?: string; versionNumber?: number; };

export type SuccessEnvelope = { data: unknown; links: Links; meta: Meta; };

export type Task = { agentId?: string; agentVersion?: string; artifacts?: Artifact[]; attempts?: number; cached?: boolean; cachedFrom?: string; cancelRequested?: boolean; completedAt?: string; createdAt?: string; createdBy?: string; error?: TaskError; id?: string; maxAttempts?: number; nextAttemptAt?: string; payload?: Record<string, unknown>; priority?: number; progress?: TaskProgress; projectId?: string; queue?: 'critical' | 'high' | 'normal' | 'low' | 'background'; queuedAt?: string; result?: unknown; resultBytes?: number; resultLocation?: 'inline' | 's3'; retries?: number; revision?: number; startedAt?: string; status?: 'pending' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'timed_out' | 'dead_lettered'; timeoutMs?: number; type?: string; updatedAt?: string; webhookUrl?: string; };

/** An artifact as GET /api/v1/tasks/{id}/artifacts lists it */
export type TaskArtifact = { bytes: number; contentType: string; href: string; name: string; sha256?: string; };

/** Every artifact of the task, sorted by name */
export type TaskArtifacts = TaskArtifact[];

/** Failure analysis of the last failed attempt */
export type TaskError = { at?: string; attempt?: number; errorClass?: string; lastStage?: string; message?: string; retriable?: boolean; };

/** The data of one Server-Sent Event of GET /api/v1/tasks/{id}/events: `id:` is the task's revision, `event:` is task_progress while the task is queued or running and task_status once it has finished; ev… */
export type TaskEvent = { attempts?: number; error?: Record<string, unknown>; progress?: Record<string, unknown>; revision?: number; status?: 'pending' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'timed_out' | 'dead_lettered'; taskId?: string; type?: string; updatedAt?: string; };

export type TaskFollow = { following?: boolean; status?: string; taskId?: string; userId?: string; };

export type TaskProgress = { eta?: number; message?: string; percentage?: number; stage?: string; steps?: ProgressStep[]; };

export type TaskResult = { bytes?: number; cached?: boolean; cachedFrom?: string; location?: 'inline' | 's3'; result?: unknown; status?: unknown; taskId?: string; };

export type TaskSubmission = { agentId?: string; cache?: boolean; payload: Record<string, unknown>; priority?: (number) | ('critical' | 'high' | 'normal' | 'low' | 'background'); type: string; webhookUrl?: string; };

/** A task type as GET /api/v1/task-types lists it */
export type TaskTypeInfo = { available: boolean; description?: string; name: string; payloadSchema?: Record<string, unknown>; timeoutSeconds?: number; };

/** Every task type, sorted by name */
export type TaskTypes = TaskTypeInfo[];

export type TokenOptimizeContext = { content: string; id?: string; language?: string; path?: string; relevanceScore?: number; };

export type TokenOptimizeRequest = { contexts?: TokenOptimizeContext[]; keepRelevance?: number; projectId?: string; prompt?: string; summarize?: boolean; targetTokens?: number; };

export type TokenOptimizeResult = { contexts?: TokenOptimizeContext[]; notApplied?: string[]; prompt?: string; savedTokens?: number; savingsRatio?: number; strategies?: Array<{ strategy?: 'dedupe' | 'whitespace' | 'comments' | 'imports' | 'contained' | 'near-duplicates' | 'signature-only' | 'summarize'; tokensSaved?: number; }>; targetMet?: boolean; tokenizer?: string; tokensAfter?: number; tokensBefore?: number; };

export type TokenRequest = { api_key?: string; client_id?: string; client_secret?: string; grant_type: 'api_key' | 'client_credentials'; scope?: string; };

export type TokenResponse = { access_token?: string; expires_in?: number; refresh_expires_in?: number; refresh_token?: string; scope?: string; token_type?: unknown; };

/** The spans of one request's trace, in the order they started */
export type Trace = { durationMs?: number; requestId?: string; spanCount?: number; spans?: Array<{ attributes?: Record<string, unknown>; durationMs?: number; error?: string | null; kind?: 'server' | 'client' | 'internal' | 'producer' | 'consumer'; name?: string; parentSpanId?: string | null; requestId?: string; service?: string; spanId?: string; startedAt?: string; status?: 'unset' | 'ok' | 'error'; traceId?: string; }>; traceIds?: string[]; };

export type UsageGroup = { cacheWriteTokens?: number; cachedInputTokens?: number; calls?: number; costUsd?: number; inputTokens?: number; key?: Record<string, string>; outputTokens?: number; };

/** GET /api/v1/tokens/usage?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=day,provider,model,taskType,agent&provider=&model=&taskType=&agentId= (defaults: this month, groupBy=day) */
export type UsageReport = { from?: string; groupBy?: Array<'day' | 'provider' | 'model' | 'taskType' | 'agent'>; groups?: UsageGroup[]; optimized?: { optimizations?: number; tokensAfter?: number; tokensBefore?: number; tokensSaved?: number; }; projectId?: string; to?: string; total?: UsageGroup; };

