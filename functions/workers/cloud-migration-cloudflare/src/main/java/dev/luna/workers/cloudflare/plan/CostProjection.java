package dev.luna.workers.cloudflare.plan;

import dev.luna.core.Json;
import dev.luna.workers.cloudflare.MigrationOptions.Volumes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The monthly cost at the stated volumes, per component, for the current AWS shape and for Workers Free and Paid,
 * from the price table {@code rules/prices.json} (its date and sources travel with the result). The Free plan has no
 * price but daily limits: where the volumes exceed one, the plan "does not fit" and says which limit.
 */
public final class CostProjection {
    private static final JsonNode PRICES = load();
    private static final double DAYS = 30.0;

    /** One component: AWS, Workers Free (null usd when it does not fit) and Workers Paid, with what each figure counts. */
    public record Row(String component, String awsService, double awsUsd, String awsBasis, boolean freeFits, String freeNote, double paidUsd, String paidBasis) {
    }

    /** What the projection is built from. */
    public record Usage(String database, boolean storage, boolean queues, boolean kv) {
    }

    public record Cost(String asOf, List<String> sources, String note, List<Row> rows, double awsTotal, boolean freeFits, double paidTotal) {
        public Cost {
            sources = List.copyOf(sources);
            rows = List.copyOf(rows);
        }
    }

    private CostProjection() {
    }

    public static Cost of(Volumes v, Usage usage) {
        var cf = PRICES.get("cloudflare");
        var free = cf.get("free");
        var paid = cf.get("paid");
        var aws = PRICES.get("aws");
        var rows = new ArrayList<Row>();
        double req = v.requestsPerMonth();
        double m = 1_000_000.0;

        double cpuMs = req * v.cpuMsPerRequest();
        double paidCompute = p(paid, "baseUsdPerMonth") + over(req, p(paid, "requestsIncluded")) / m * p(paid, "usdPerMillionRequests")
                + over(cpuMs, p(paid, "cpuMsIncluded")) / m * p(paid, "usdPerMillionCpuMs");
        double gbSeconds = req * v.durationMsPerRequest() / 1000.0 * v.lambdaMemoryMb() / 1024.0;
        double awsCompute = req / m * p(aws, "lambdaUsdPerMillionRequests") + gbSeconds * p(aws, "lambdaUsdPerGbSecond")
                + req / m * p(aws, "apiGatewayHttpUsdPerMillion");
        boolean reqFits = req / DAYS <= p(free, "requestsPerDay");
        boolean cpuFits = v.cpuMsPerRequest() <= p(free, "cpuMsPerInvocation");
        rows.add(new Row("compute", "Lambda + API Gateway (HTTP API)", r(awsCompute),
                fmt(req) + " requests, " + fmt(gbSeconds) + " GB-s at " + v.lambdaMemoryMb() + " MB",
                reqFits && cpuFits, !reqFits ? "over " + fmt(p(free, "requestsPerDay")) + " requests a day" : !cpuFits ? "over 10 ms CPU per request" : "within 100,000 requests a day",
                r(paidCompute), "$5 base with 10M requests and 30M CPU ms; " + fmt(cpuMs) + " CPU ms"));

        if (!usage.database().equals("none")) {
            double reads = req * v.dbReadsPerRequest();
            double writes = req * v.dbWritesPerRequest();
            double paidDb = over(reads, p(paid, "d1RowsReadIncluded")) / m * p(paid, "usdPerMillionD1RowsRead")
                    + over(writes, p(paid, "d1RowsWrittenIncluded")) / m * p(paid, "usdPerMillionD1RowsWritten")
                    + over(v.databaseGb(), p(paid, "d1StorageGbIncluded")) * p(paid, "usdPerD1GbMonth");
            boolean fits = reads / DAYS <= p(free, "d1RowsReadPerDay") && writes / DAYS <= p(free, "d1RowsWrittenPerDay") && v.databaseGb() <= p(free, "d1StorageGb");
            double awsDb;
            String awsService;
            String awsBasis;
            if (usage.database().equals("dynamodb")) {
                awsDb = reads / m * p(aws, "dynamodbUsdPerMillionReads") + writes / m * p(aws, "dynamodbUsdPerMillionWrites") + v.databaseGb() * p(aws, "dynamodbUsdPerGbMonth");
                awsService = "DynamoDB on demand";
                awsBasis = fmt(reads) + " reads, " + fmt(writes) + " writes, " + fmt(v.databaseGb()) + " GB";
            } else {
                awsDb = p(aws, "rdsUsdPerHour") * p(aws, "hoursPerMonth") + v.databaseGb() * p(aws, "rdsStorageUsdPerGbMonth");
                awsService = "RDS " + aws.get("rdsInstance").asString();
                awsBasis = "one instance all month, " + fmt(v.databaseGb()) + " GB storage";
            }
            rows.add(new Row("database", awsService, r(awsDb), awsBasis, fits, fits ? "within D1's daily rows and 5 GB" : "over D1 Free's daily rows read/written or 5 GB",
                    r(paidDb), "D1: " + fmt(reads) + " rows read, " + fmt(writes) + " rows written, " + fmt(v.databaseGb()) + " GB"));
        }
        if (usage.storage()) {
            double paidR2 = over(v.objectStorageGb(), p(paid, "r2StorageGbFree")) * p(paid, "usdPerR2GbMonth")
                    + over(v.objectWritesPerMonth(), p(paid, "r2ClassAFree")) / m * p(paid, "usdPerMillionR2ClassA")
                    + over(v.objectReadsPerMonth(), p(paid, "r2ClassBFree")) / m * p(paid, "usdPerMillionR2ClassB");
            double awsS3 = v.objectStorageGb() * p(aws, "s3UsdPerGbMonth") + v.objectWritesPerMonth() / 1000.0 * p(aws, "s3UsdPerThousandPuts")
                    + v.objectReadsPerMonth() / 1000.0 * p(aws, "s3UsdPerThousandGets");
            boolean fits = v.objectStorageGb() <= p(free, "r2StorageGb") && v.objectWritesPerMonth() <= p(free, "r2ClassAPerMonth")
                    && v.objectReadsPerMonth() <= p(free, "r2ClassBPerMonth");
            rows.add(new Row("object storage", "S3 Standard", r(awsS3), fmt(v.objectStorageGb()) + " GB, " + fmt(v.objectWritesPerMonth()) + " PUT, "
                    + fmt(v.objectReadsPerMonth()) + " GET", fits, fits ? "within R2's free tier" : "over R2's free 10 GB or operations (billed as on Paid)",
                    r(paidR2), "R2: storage and operations beyond the free tier; no egress fees"));
        }
        if (usage.queues()) {
            double ops = v.queueMessagesPerMonth() * p(paid, "queueOperationsPerMessage");
            double paidQ = over(ops, p(paid, "queueOperationsIncluded")) / m * p(paid, "usdPerMillionQueueOperations");
            double awsQ = v.queueMessagesPerMonth() * p(aws, "sqsRequestsPerMessage") / m * p(aws, "sqsUsdPerMillionRequests");
            boolean fits = ops / DAYS <= p(free, "queueOperationsPerDay");
            rows.add(new Row("queues", "SQS standard", r(awsQ), fmt(v.queueMessagesPerMonth()) + " messages (send, receive, delete)", fits,
                    fits ? "within 10,000 operations a day" : "over 10,000 queue operations a day", r(paidQ), "Queues: " + fmt(ops) + " operations"));
        }
        if (usage.kv()) {
            double paidKv = over(v.kvReadsPerMonth(), p(paid, "kvReadsIncluded")) / m * p(paid, "usdPerMillionKvReads")
                    + over(v.kvWritesPerMonth(), p(paid, "kvWritesIncluded")) / m * p(paid, "usdPerMillionKvWrites");
            double awsKv = p(aws, "elasticacheUsdPerHour") * p(aws, "hoursPerMonth");
            boolean fits = v.kvReadsPerMonth() / DAYS <= p(free, "kvReadsPerDay") && v.kvWritesPerMonth() / DAYS <= p(free, "kvWritesPerDay");
            rows.add(new Row("cache and sessions", "ElastiCache " + aws.get("elasticacheInstance").asString(), r(awsKv), "one node all month", fits,
                    fits ? "within KV's daily reads and writes" : "over KV Free's 100,000 reads or 1,000 writes a day", r(paidKv),
                    "KV: " + fmt(v.kvReadsPerMonth()) + " reads, " + fmt(v.kvWritesPerMonth()) + " writes"));
        }
        double awsEgress = over(v.egressGb(), p(aws, "egressFreeGb")) * p(aws, "egressUsdPerGb");
        rows.add(new Row("data transfer out", "AWS data transfer", r(awsEgress), fmt(v.egressGb()) + " GB (first 100 GB free)", true, "no egress fees",
                0, "no egress fees"));

        double awsTotal = 0;
        double paidTotal = 0;
        boolean freeFits = true;
        for (var row : rows) {
            awsTotal += row.awsUsd();
            paidTotal += row.paidUsd();
            freeFits &= row.freeFits();
        }
        var sources = new ArrayList<String>();
        PRICES.get("sources").forEach(s -> sources.add(s.asString()));
        return new Cost(PRICES.get("asOf").asString(), sources, PRICES.get("note").asString(), rows, r(awsTotal), freeFits, r(paidTotal));
    }

    private static double p(JsonNode node, String field) {
        var v = node.get(field);
        if (v == null || !v.isNumber()) throw new IllegalStateException("rules/prices.json lacks " + field);
        return v.asDouble();
    }

    private static double over(double used, double included) {
        return Math.max(0, used - included);
    }

    static double r(double usd) {
        return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    static String fmt(double n) {
        if (n == Math.rint(n) && Math.abs(n) < 1e15) return String.format(java.util.Locale.ROOT, "%,d", (long) n);
        return String.format(java.util.Locale.ROOT, "%,.2f", n);
    }

    private static JsonNode load() {
        try (InputStream in = CostProjection.class.getResourceAsStream("/rules/prices.json")) {
            return Json.tree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
