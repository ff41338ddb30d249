package dev.luna.workers.cloudflare.inventory;

import java.util.Comparator;
import java.util.List;

/**
 * A piece of infrastructure declared in a template (SAM, CloudFormation, Serverless Framework, Terraform, CDK).
 *
 * @param kind   {@code function}, {@code table} (DynamoDB), {@code bucket}, {@code queue}, {@code schedule}, {@code api-route}
 * @param name   its logical name
 * @param keys   DynamoDB key attributes (hash first), a schedule's expression, a function's runtime and handler; else empty
 */
public record Resource(String kind, String name, String file, int line, String source, List<String> keys) {
    public static final Comparator<Resource> ORDER = Comparator.comparing(Resource::kind).thenComparing(Resource::name)
            .thenComparing(Resource::file).thenComparingInt(Resource::line);

    public Resource {
        keys = List.copyOf(keys);
    }
}
