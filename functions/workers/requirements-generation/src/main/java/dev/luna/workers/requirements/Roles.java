package dev.luna.workers.requirements;

import dev.luna.codebase.behaviour.Behaviour;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who a story is for: the roles security annotations name ({@code hasRole('ADMIN')}, {@code @RolesAllowed("admin")},
 * {@code @Secured("ROLE_ADMIN")}), "admin" for admin paths, else the audience option (default "user").
 */
final class Roles {
    private static final Pattern ROLE = Pattern.compile("(?:hasRole|hasAnyRole|hasAuthority|hasAnyAuthority)\\(([^)]*)\\)|ROLE_([A-Za-z0-9_]+)");
    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z0-9_:-]+)'|\"([A-Za-z0-9_:-]+)\"");

    /** What a handler's security annotations require: the role names (lower case), and whether any security applies. */
    record Access(List<String> roles, boolean secured, boolean open, Behaviour evidence) {
        static final Access NONE = new Access(List.of(), false, false, null);
    }

    private Roles() {
    }

    static Access access(List<Behaviour> annotations) {
        var roles = new TreeSet<String>();
        boolean open = false;
        Behaviour evidence = null;
        for (var b : annotations) {
            evidence = evidence == null ? b : evidence;
            String d = b.detail();
            if (d.startsWith("@PermitAll") || d.contains("permitAll()")) open = true;
            if (d.startsWith("@RolesAllowed") || d.startsWith("@Secured")) {
                String inner = d.replaceFirst("^@[A-Za-z]+\\(?", "").replaceAll("[()\\[\\]\"'{}]", " ").replaceAll("value=", " ");
                for (String r : inner.split("[\\s,]+")) if (r.matches("[A-Za-z0-9_:-]+")) roles.add(normal(r));
            }
            var m = ROLE.matcher(d);
            while (m.find()) {
                if (m.group(2) != null) roles.add(normal(m.group(2)));
                else quoted(m.group(1), roles);
            }
        }
        return annotations.isEmpty() ? Access.NONE : new Access(List.copyOf(roles), !open, open, evidence);
    }

    private static void quoted(String text, TreeSet<String> roles) {
        var q = QUOTED.matcher(text);
        while (q.find()) {
            String r = q.group(1) != null ? q.group(1) : q.group(2);
            roles.add(normal(r));
        }
    }

    private static String normal(String role) {
        return role.replaceFirst("^ROLE_", "").toLowerCase(Locale.ROOT);
    }

    /** The story's role: the first required role, "admin" under an admin path, else the audience. */
    static String role(Access access, String path, String audience) {
        if (!access.roles().isEmpty()) return Words.human(access.roles().getFirst());
        if (path != null && path.matches("(?i).*/admin(/.*|$)")) return "admin";
        return audience;
    }
}
