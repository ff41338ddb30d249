package dev.luna.workers.cloudflare;

import tools.jackson.databind.JsonNode;

/**
 * The payload's options (the JSON Schema has checked their types and ranges; a value out of range is a 400 naming it).
 *
 * @param name      the Worker's name, or empty to derive it from the project
 * @param originUrl the old origin the Worker proxies unmigrated routes to, or empty (then proxied routes answer 502 until it is set)
 * @param terraform whether project.zip holds the Terraform alternative
 * @param volumes   the monthly volumes of the cost projection
 */
public record MigrationOptions(String name, String originUrl, boolean terraform, Volumes volumes) {
    /**
     * Monthly volumes.
     *
     * @param requestsPerMonth      HTTP requests
     * @param cpuMsPerRequest       CPU time per request (Workers bill CPU, not wall time)
     * @param durationMsPerRequest  wall time per request (Lambda bills it)
     * @param lambdaMemoryMb        the Lambda functions' memory
     * @param dbReadsPerRequest     rows (items) read per request
     * @param dbWritesPerRequest    rows (items) written per request
     * @param databaseGb            database size
     * @param objectStorageGb       stored objects
     * @param objectWritesPerMonth  object uploads (class A)
     * @param objectReadsPerMonth   object downloads (class B)
     * @param kvReadsPerMonth       cache/session reads
     * @param kvWritesPerMonth      cache/session writes
     * @param queueMessagesPerMonth messages sent
     * @param egressGb              data sent to clients
     */
    public record Volumes(long requestsPerMonth, double cpuMsPerRequest, double durationMsPerRequest, int lambdaMemoryMb, double dbReadsPerRequest,
                          double dbWritesPerRequest, double databaseGb, double objectStorageGb, long objectWritesPerMonth, long objectReadsPerMonth,
                          long kvReadsPerMonth, long kvWritesPerMonth, long queueMessagesPerMonth, double egressGb) {
        static Volumes of(JsonNode v) {
            return new Volumes(v.path("requestsPerMonth").asLong(10_000_000L), v.path("cpuMsPerRequest").asDouble(5),
                    v.path("durationMsPerRequest").asDouble(120), v.path("lambdaMemoryMb").asInt(512), v.path("dbReadsPerRequest").asDouble(5),
                    v.path("dbWritesPerRequest").asDouble(0.5), v.path("databaseGb").asDouble(2), v.path("objectStorageGb").asDouble(50),
                    v.path("objectWritesPerMonth").asLong(200_000L), v.path("objectReadsPerMonth").asLong(2_000_000L),
                    v.path("kvReadsPerMonth").asLong(5_000_000L), v.path("kvWritesPerMonth").asLong(100_000L),
                    v.path("queueMessagesPerMonth").asLong(500_000L), v.path("egressGb").asDouble(200));
        }
    }

    public static MigrationOptions defaults() {
        return of(dev.luna.core.Json.object());
    }

    public static MigrationOptions of(JsonNode options) {
        return new MigrationOptions(options.path("name").asString(""), options.path("originUrl").asString(""), options.path("terraform").asBoolean(true),
                Volumes.of(options.path("volumes")));
    }
}
