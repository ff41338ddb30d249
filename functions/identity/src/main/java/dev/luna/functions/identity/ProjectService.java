package dev.luna.functions.identity;

import dev.luna.catalog.Access;
import dev.luna.core.ErrorCode;
import dev.luna.core.Ids;
import dev.luna.core.LunaException;
import dev.luna.core.ProjectRole;
import dev.luna.identity.ProjectStore.Member;
import dev.luna.identity.ProjectStore.Project;
import dev.luna.identity.ProjectStore;
import dev.luna.store.Cursor;
import dev.luna.store.Keyset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Projects and memberships. Creating a project makes the caller its owner; admins manage members; only owners
 * add, demote or remove owners, or delete the project; the last owner can never be removed or demoted.
 */
final class ProjectService {
    private static final Set<String> MEMBER_CURSOR = Set.of("pk", "sk");
    private static final Set<String> MEMBERSHIP_CURSOR = Set.of("pk", "sk", "gsi1pk", "gsi1sk");
    private final ProjectStore store;
    private final Clock clock;
    private final Ids ids;

    ProjectService(ProjectStore store, Clock clock, Ids ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** A project as the API shows it, with the caller's role in it. */
    record View(String id, String name, String description, Map<String, String> settings, long revision,
                Instant createdAt, Instant updatedAt, String createdBy, ProjectRole yourRole) {
        static View of(Project p, ProjectRole role) {
            return new View(p.id(), p.name(), p.description(), p.settings(), p.revision(), p.createdAt(), p.updatedAt(),
                    p.createdBy(), role);
        }
    }

    record Page<T>(List<T> items, String nextCursor) {
    }

    View create(ProjectRequests.ProjectBody body, Access access) {
        body.validate(true);
        var caller = access.principal();
        if (caller.projectId() != null) {
            throw new LunaException(ErrorCode.FORBIDDEN, "A credential restricted to one project cannot create projects");
        }
        Instant now = clock.instant();
        var project = new Project(ids.next("prj"), body.name().trim(), body.description(),
                body.settings() == null ? Map.of() : Map.copyOf(body.settings()), "active", 1, now, now, caller.id());
        store.create(project, new Member(project.id(), caller.id(), ProjectRole.OWNER, now, caller.id()));
        return View.of(project, ProjectRole.OWNER);
    }

    View get(String id, Access access) {
        var role = access.require(id, "Project", id);
        return View.of(load(id), role);
    }

    Page<View> list(Access access, String cursor, int limit) {
        var caller = access.principal();
        if (caller.isAdmin() && caller.projectId() == null) {
            var page = store.all(Cursor.decode(cursor, MEMBER_CURSOR, null, null), limit);
            return new Page<>(page.items().stream().map(p -> View.of(p, ProjectRole.OWNER)).toList(), Cursor.encode(page.lastKey()));
        }
        var page = store.memberships(caller.id(), Cursor.decode(cursor, MEMBERSHIP_CURSOR, "gsi1pk", "USER#" + caller.id()), limit);
        var out = new ArrayList<View>();
        for (var m : page.items()) {
            if (caller.projectId() != null && !caller.projectId().equals(m.projectId())) continue;
            store.find(m.projectId()).ifPresent(p -> out.add(View.of(p, access.roleIn(p.id()))));
        }
        // projects granted by SSO group mappings, on the first page
        if (cursor == null) {
            for (var e : caller.projectRoles().entrySet()) {
                if (out.stream().noneMatch(v -> v.id().equals(e.getKey()))) {
                    store.find(e.getKey()).ifPresent(p -> out.add(View.of(p, access.roleIn(p.id()))));
                }
            }
        }
        return new Page<>(out, Cursor.encode(page.lastKey()));
    }

    View update(String id, ProjectRequests.ProjectBody body, Optional<Long> ifMatch, Access access) {
        body.validate(false);
        var role = access.require(id, "Project", id);
        var current = load(id);
        long expected = ifMatch.orElse(body.revision() != null ? body.revision() : current.revision());
        if (expected != current.revision()) {
            throw new LunaException(ifMatch.isPresent() ? ErrorCode.PRECONDITION_FAILED : ErrorCode.VERSION_CONFLICT,
                    "The project is at revision " + current.revision() + ", not " + expected, Map.of("currentRevision", current.revision()));
        }
        var next = new Project(id, body.name() != null ? body.name().trim() : current.name(),
                body.description() != null ? body.description() : current.description(),
                body.settings() != null ? Map.copyOf(body.settings()) : current.settings(), "active", current.revision() + 1,
                current.createdAt(), clock.instant(), current.createdBy());
        if (!store.replace(next, current.revision())) {
            throw new LunaException(ErrorCode.VERSION_CONFLICT, "The project was changed concurrently; reload and retry");
        }
        return View.of(next, role);
    }

    View delete(String id, Access access) {
        access.require(id, "Project", id);
        var current = load(id);
        var deleted = new Project(id, current.name(), current.description(), current.settings(), "deleted",
                current.revision() + 1, current.createdAt(), clock.instant(), current.createdBy());
        if (!store.replace(deleted, current.revision())) {
            throw new LunaException(ErrorCode.VERSION_CONFLICT, "The project was changed concurrently; retry");
        }
        // members lose access at once; the project and its resources stay for audit
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
        do {
            var page = store.members(id, start, 100);
            for (var m : page.items()) store.removeMemberUnchecked(m);
            start = page.lastKey();
        } while (start != null);
        return View.of(deleted, ProjectRole.OWNER);
    }

    Member putMember(String projectId, ProjectRequests.MemberBody body, Access access) {
        body.validate();
        var callerRole = access.require(projectId, "Project", projectId);
        load(projectId);
        var previous = store.member(projectId, body.userId());
        boolean touchesOwner = body.role() == ProjectRole.OWNER || previous.map(m -> m.role() == ProjectRole.OWNER).orElse(false);
        if (touchesOwner && callerRole != ProjectRole.OWNER) {
            throw new LunaException(ErrorCode.FORBIDDEN, "Only an owner can add, demote or change owners");
        }
        var member = new Member(projectId, body.userId(), body.role(), previous.map(Member::addedAt).orElse(clock.instant()),
                access.principal().id());
        if (!store.putMember(member, previous)) {
            throw new LunaException(ErrorCode.CONFLICT, "A project must keep at least one owner; add another owner first");
        }
        return member;
    }

    Keyset.Page<Member> members(String projectId, Access access, String cursor, int limit) {
        access.require(projectId, "Project", projectId);
        load(projectId);
        return store.members(projectId, cursor, limit);
    }

    Member removeMember(String projectId, String userId, Access access) {
        var callerRole = access.require(projectId, "Project", projectId);
        var member = store.member(projectId, userId).orElseThrow(() ->
                new LunaException(ErrorCode.NOT_FOUND, "User '" + userId + "' is not a member of project " + projectId));
        if (member.role() == ProjectRole.OWNER && callerRole != ProjectRole.OWNER) {
            throw new LunaException(ErrorCode.FORBIDDEN, "Only an owner can remove an owner");
        }
        if (!store.removeMember(member)) {
            throw new LunaException(ErrorCode.CONFLICT, "Cannot remove the last owner of project " + projectId
                    + "; add another owner first", Map.of("userId", userId));
        }
        return member;
    }

    private Project load(String id) {
        return store.find(id).orElseThrow(() -> LunaException.notFound("Project", id));
    }

}
