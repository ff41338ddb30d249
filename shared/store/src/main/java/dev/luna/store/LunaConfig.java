package dev.luna.store;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the platform's state lives. In AWS every endpoint is empty (the SDK's defaults) and names come from
 * Terraform-set environment variables; locally the runtime points the endpoints at the embedded stand-ins.
 *
 * @param region           AWS region
 * @param dynamoEndpoint   DynamoDB endpoint override, or null
 * @param s3Endpoint       S3 endpoint override (path-style access is used when set), or null
 * @param sqsEndpoint      SQS endpoint override, or null
 * @param resourcePrefix   prefix of physical table, bucket and queue names (e.g. {@code luna-dev})
 * @param settings         looks up any other setting by its environment-variable name (null when unset)
 */
public record LunaConfig(String region, URI dynamoEndpoint, URI s3Endpoint, URI sqsEndpoint, String resourcePrefix,
                         Function<String, String> settings) {

    public static final String REGION = "AWS_REGION";
    public static final String DYNAMODB_ENDPOINT = "LUNA_DYNAMODB_ENDPOINT";
    public static final String S3_ENDPOINT = "LUNA_S3_ENDPOINT";
    public static final String SQS_ENDPOINT = "LUNA_SQS_ENDPOINT";
    public static final String RESOURCE_PREFIX = "LUNA_RESOURCE_PREFIX";

    /** Reads the configuration through {@code lookup} (environment variables in Lambda, a map locally). */
    public static LunaConfig from(Function<String, String> lookup) {
        return new LunaConfig(
                Optional.ofNullable(lookup.apply(REGION)).orElse("us-east-1"),
                uri(lookup.apply(DYNAMODB_ENDPOINT)),
                uri(lookup.apply(S3_ENDPOINT)),
                uri(lookup.apply(SQS_ENDPOINT)),
                Optional.ofNullable(lookup.apply(RESOURCE_PREFIX)).orElse("luna"),
                lookup);
    }

    public static LunaConfig fromEnvironment() {
        return from(System::getenv);
    }

    public String tableName(String logicalName) {
        return resourcePrefix + "-" + logicalName;
    }

    public String bucketName(String logicalName) {
        return resourcePrefix + "-" + logicalName;
    }

    public String queueName(String logicalName) {
        return resourcePrefix + "-" + logicalName;
    }

    public String setting(String name, String fallback) {
        String v = settings.apply(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public long longSetting(String name, long fallback) {
        String v = settings.apply(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + name + " must be an integer, was '" + v + "'");
        }
    }

    public boolean isLocal() {
        return dynamoEndpoint != null;
    }

    private static URI uri(String s) {
        return s == null || s.isBlank() ? null : URI.create(s.trim());
    }
}
