package dev.luna.store;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the tables, buckets and queues of {@link DataDefinitions} when they do not exist yet. Used by the
 * local runtime and tests; in AWS, Terraform creates the same resources from the same file.
 */
public final class ResourceProvisioner {
    private static final Logger log = LoggerFactory.getLogger(ResourceProvisioner.class);
    private final AwsClients aws;
    /** Dead-letter queue ARNs by logical name: many queues (every task type's five) share one. */
    private final java.util.Map<String, String> deadLetterArns = new java.util.HashMap<>();

    public ResourceProvisioner(AwsClients aws) {
        this.aws = aws;
    }

    public void provision(DataDefinitions defs) {
        var existing = aws.dynamo().listTables().tableNames();
        defs.tables().forEach((name, table) -> {
            String physical = aws.config().tableName(name);
            if (!existing.contains(physical)) createTable(physical, table);
        });
        defs.buckets().keySet().forEach(name -> {
            try {
                aws.s3().createBucket(b -> b.bucket(aws.config().bucketName(name)));
            } catch (BucketAlreadyOwnedByYouException e) {
                // already there from an earlier run
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() != 409) throw e;
            }
        });
        // dead-letter queues first, so redrive policies can reference them
        defs.queues().entrySet().stream()
                .sorted((a, b) -> Boolean.compare(a.getValue().deadLetterQueue() != null, b.getValue().deadLetterQueue() != null))
                .forEach(e -> createQueue(e.getKey(), e.getValue()));
        log.debug("provisioned {} tables, {} buckets, {} queues", defs.tables().size(), defs.buckets().size(), defs.queues().size());
    }

    private void createTable(String physical, DataDefinitions.Table table) {
        var attributes = new ArrayList<AttributeDefinition>();
        table.attributes().forEach((a, t) -> attributes.add(AttributeDefinition.builder()
                .attributeName(a).attributeType(ScalarAttributeType.fromValue(t)).build()));
        var gsis = new ArrayList<GlobalSecondaryIndex>();
        table.globalSecondaryIndexes().forEach((n, idx) -> gsis.add(GlobalSecondaryIndex.builder()
                .indexName(n).keySchema(keys(idx.hashKey(), idx.rangeKey()))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        var req = CreateTableRequest.builder().tableName(physical).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes).keySchema(keys(table.hashKey(), table.rangeKey()));
        if (!gsis.isEmpty()) req.globalSecondaryIndexes(gsis);
        try {
            aws.dynamo().createTable(req.build());
        } catch (ResourceInUseException e) {
            // created concurrently by another runtime sharing the store
        }
    }

    /** Creates the five priority queues of a task type ({@code tasks-<type>-<priority>}) after {@link #provision}. */
    public void provisionTaskQueues(DataDefinitions defs, String taskType, List<String> priorities) {
        for (String p : priorities) createQueue("tasks-" + taskType + "-" + p, defs.taskQueue(taskType, p));
    }

    private void createQueue(String name, DataDefinitions.Queue q) {
        var attrs = new java.util.HashMap<QueueAttributeName, String>();
        String physical = aws.config().queueName(name);
        if (Boolean.TRUE.equals(q.fifo())) {
            attrs.put(QueueAttributeName.FIFO_QUEUE, "true");
            physical += ".fifo";
        }
        if (q.visibilityTimeoutSeconds() != null) {
            attrs.put(QueueAttributeName.VISIBILITY_TIMEOUT, q.visibilityTimeoutSeconds().toString());
        }
        if (q.deadLetterQueue() != null) {
            String dlqArn = deadLetterArns.computeIfAbsent(q.deadLetterQueue(), dlq -> {
                String dlqUrl = aws.sqs().getQueueUrl(b -> b.queueName(aws.config().queueName(dlq))).queueUrl();
                return aws.sqs().getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
            });
            attrs.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                    + "\",\"maxReceiveCount\":\"" + (q.maxReceiveCount() == null ? 5 : q.maxReceiveCount()) + "\"}");
        }
        String queueName = physical;
        aws.sqs().createQueue(b -> b.queueName(queueName).attributes(attrs));
    }

    private static List<KeySchemaElement> keys(String hash, String range) {
        var keys = new ArrayList<KeySchemaElement>();
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        return keys;
    }
}
