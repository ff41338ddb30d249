package dev.luna.identity;

import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.ProjectRole;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.store.Keyset;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Projects and their members (table {@code projects}): {@code PROJECT#id / META} holds the project, and
 * {@code PROJECT#id / MEMBER#subject} one membership each, indexed by subject ({@code gsi1}) so a caller's projects
 * are one query. The member count of owners is kept on the project so "never remove the last owner" is a condition
 * of the same transaction, not a race.
 */
public final class ProjectStore {
    private final AwsClients aws;
    private final String table;
    private final ShortCache<ProjectRole> roles;

    public ProjectStore(AwsClients aws) {
        this.aws = aws;
        this.table = aws.config().tableName("projects");
        this.roles = new ShortCache<>(java.time.Duration.ofMillis(aws.config().longSetting(ShortCache.SETTING, 10_000)));
    }

    private static String roleKey(String projectId, String subject) {
        return projectId + "\u0000" + subject;
    }

    public record Project(String id, String name, String description, Map<String, String> settings, String status,
                          long revision, Instant createdAt, Instant updatedAt, String createdBy) {
    }

    public record Member(String projectId, String userId, ProjectRole role, Instant addedAt, String addedBy) {
    }

    public record Page<T>(List<T> items, Map<String, AttributeValue> lastKey) {
    }

    /** Creates the project with its creator as owner; false if the id exists. */
    public boolean create(Project project, Member owner) {
        try {
            aws.dynamo().transactWriteItems(b -> b.transactItems(
                    put(withOwners(projectItem(project), 1), "attribute_not_exists(pk)"),
                    put(memberItem(owner), "attribute_not_exists(pk)")));
            roles.forget(roleKey(owner.projectId(), owner.userId()));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    public Optional<Project> find(String id) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("PROJECT#" + id, "META"))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        var p = Json.readTrusted(Attr.str(item, "doc"), Project.class);
        return "deleted".equals(p.status()) ? Optional.empty() : Optional.of(p);
    }

    /** Replaces the project if its revision is still {@code expected} (the owner count is left alone). */
    public boolean replace(Project project, long expected) {
        try {
            aws.dynamo().updateItem(b -> b.tableName(table).key(Attr.key("PROJECT#" + project.id(), "META"))
                    .updateExpression("SET #doc = :doc, #s = :s, #r = :new").conditionExpression("#r = :expected")
                    .expressionAttributeNames(Map.of("#doc", "doc", "#s", "status", "#r", "revision"))
                    .expressionAttributeValues(Map.of(":doc", Attr.s(Json.write(project)), ":s", Attr.s(project.status()),
                            ":new", Attr.n(project.revision()), ":expected", Attr.n(expected))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A subject's role in a project (remembered for a few seconds, see {@link ShortCache}; changes here forget it). */
    public Optional<ProjectRole> role(String projectId, String subject) {
        return roles.get(roleKey(projectId, subject), () -> readRole(projectId, subject));
    }

    private Optional<ProjectRole> readRole(String projectId, String subject) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("PROJECT#" + projectId, "MEMBER#" + subject))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.ofNullable(ProjectRole.fromWire(Attr.str(item, "role")));
    }

    public Optional<Member> member(String projectId, String subject) {
        var item = aws.dynamo().getItem(b -> b.tableName(table).key(Attr.key("PROJECT#" + projectId, "MEMBER#" + subject))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(Json.readTrusted(Attr.str(item, "doc"), Member.class));
    }

    /**
     * Adds or changes a membership, keeping the project's owner count right; refuses (false) to demote the last
     * owner.
     */
    public boolean putMember(Member member, Optional<Member> previous) {
        int delta = (member.role() == ProjectRole.OWNER ? 1 : 0) - (previous.map(m -> m.role() == ProjectRole.OWNER ? 1 : 0).orElse(0));
        boolean written = writeMember(put(memberItem(member), null), member.projectId(), delta);
        roles.forget(roleKey(member.projectId(), member.userId()));
        return written;
    }

    /** Removes a membership; false when it is the last owner. */
    public boolean removeMember(Member member) {
        var delete = TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(Attr.key("PROJECT#" + member.projectId(), "MEMBER#" + member.userId()))).build();
        boolean written = writeMember(delete, member.projectId(), member.role() == ProjectRole.OWNER ? -1 : 0);
        roles.forget(roleKey(member.projectId(), member.userId()));
        return written;
    }

    private boolean writeMember(TransactWriteItem write, String projectId, int ownerDelta) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":d", Attr.n(ownerDelta));
        String condition = "attribute_exists(pk)";
        if (ownerDelta < 0) {
            values.put(":min", Attr.n(-ownerDelta + 1));
            condition += " AND #o >= :min";
        }
        String cond = condition;
        var counter = TransactWriteItem.builder().update(u -> u.tableName(table).key(Attr.key("PROJECT#" + projectId, "META"))
                .updateExpression("ADD #o :d").conditionExpression(cond).expressionAttributeNames(Map.of("#o", "owners"))
                .expressionAttributeValues(values)).build();
        try {
            aws.dynamo().transactWriteItems(b -> b.transactItems(write, counter));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /** Removes a membership without owner bookkeeping (used when the whole project is deleted). */
    public void removeMemberUnchecked(Member member) {
        aws.dynamo().deleteItem(b -> b.tableName(table).key(Attr.key("PROJECT#" + member.projectId(), "MEMBER#" + member.userId())));
        roles.forget(roleKey(member.projectId(), member.userId()));
    }

    public Page<Member> members(String projectId, Map<String, AttributeValue> startKey, int limit) {
        var req = membersQuery(projectId).limit(limit);
        if (startKey != null) req.exclusiveStartKey(startKey);
        var resp = aws.dynamo().query(req.build());
        return new Page<>(resp.items().stream().map(ProjectStore::member).toList(), lastKey(resp.lastEvaluatedKey()));
    }

    /** A page of a project's members, by user id, from a {@code links.next} or {@code links.prev} cursor. */
    public Keyset.Page<Member> members(String projectId, String cursor, int limit) {
        var keys = new Keyset.Keys(Set.of("pk", "sk"), "pk", "PROJECT#" + projectId);
        return Keyset.page(aws.dynamo(), membersQuery(projectId).build(), keys, cursor, limit, ProjectStore::member);
    }

    private QueryRequest.Builder membersQuery(String projectId) {
        return QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p AND begins_with(sk, :m)")
                .expressionAttributeValues(Map.of(":p", Attr.s("PROJECT#" + projectId), ":m", Attr.s("MEMBER#")));
    }

    private static Member member(Map<String, AttributeValue> item) {
        return Json.readTrusted(Attr.str(item, "doc"), Member.class);
    }

    /** The memberships of a subject (its projects), by project id. */
    public Page<Member> memberships(String subject, Map<String, AttributeValue> startKey, int limit) {
        var req = QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :s")
                .expressionAttributeValues(Map.of(":s", Attr.s("USER#" + subject))).limit(limit);
        if (startKey != null) req.exclusiveStartKey(startKey);
        var resp = aws.dynamo().query(req.build());
        return new Page<>(resp.items().stream().map(i -> Json.readTrusted(Attr.str(i, "doc"), Member.class)).toList(), lastKey(resp.lastEvaluatedKey()));
    }

    /** All projects (for administrators), by id. */
    public Page<Project> all(Map<String, AttributeValue> startKey, int limit) {
        var req = software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder().tableName(table)
                .filterExpression("#sk = :meta AND #s = :active").expressionAttributeNames(Map.of("#s", "status", "#sk", "sk"))
                .expressionAttributeValues(Map.of(":meta", Attr.s("META"), ":active", Attr.s("active"))).limit(limit);
        if (startKey != null) req.exclusiveStartKey(startKey);
        var resp = aws.dynamo().scan(req.build());
        return new Page<>(resp.items().stream().map(i -> Json.readTrusted(Attr.str(i, "doc"), Project.class)).toList(), lastKey(resp.lastEvaluatedKey()));
    }

    private static Map<String, AttributeValue> lastKey(Map<String, AttributeValue> k) {
        return k == null || k.isEmpty() ? null : k;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        var p = Put.builder().tableName(table).item(item);
        if (condition != null) p.conditionExpression(condition);
        return TransactWriteItem.builder().put(p.build()).build();
    }

    private static Map<String, AttributeValue> projectItem(Project p) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", Attr.s("PROJECT#" + p.id()));
        item.put("sk", Attr.s("META"));
        item.put("status", Attr.s(p.status()));
        item.put("revision", Attr.n(p.revision()));
        item.put("doc", Attr.s(Json.write(p)));
        return item;
    }

    private static Map<String, AttributeValue> withOwners(Map<String, AttributeValue> item, int owners) {
        item.put("owners", Attr.n(owners));
        return item;
    }

    private static Map<String, AttributeValue> memberItem(Member m) {
        return Map.of("pk", Attr.s("PROJECT#" + m.projectId()), "sk", Attr.s("MEMBER#" + m.userId()),
                "gsi1pk", Attr.s("USER#" + m.userId()), "gsi1sk", Attr.s("PROJECT#" + m.projectId()),
                "role", Attr.s(m.role().wire()), "doc", Attr.s(Json.write(m)));
    }

    static LunaException conflict(String message) {
        return new LunaException(ErrorCode.CONFLICT, message);
    }
}
