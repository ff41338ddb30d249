package dev.luna.workers.projectorganization.patch;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.projectorganization.PatchPlan;
import dev.luna.workers.projectorganization.tree.Project;
import dev.luna.workers.projectorganization.tree.Snapshot;
import dev.luna.workers.projectorganization.tree.TreeEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.QuotedString;

/**
 * Writes a {@link PatchPlan} as {@code git format-patch} does: the touched files of the analysed tree become a base
 * commit in an in-memory repository, each planned commit is made on top of it with a fixed author and date, and each
 * is formatted as one mbox message (headers, message, {@code ---}, diffstat and summary, the diff, signature).
 * A removed file whose lines should not be shown (binary, larger than the inline limit, holding a secret, with CR
 * line ends that {@code git am} would strip, or unreadable) is written as git writes a binary change without {@code --binary}: a full {@code index} line and
 * {@code Binary files … differ}, which {@code git apply} applies after checking the old blob's id.
 */
public final class PatchWriter {
    /** Who and when the patch's commits are by: fixed, so the same plan gives the same bytes. */
    public record Settings(String name, String email, long epochSeconds, String signature) {
        public static final Settings DEFAULT = new Settings("Luna", "luna@luna.invalid", 1_000_000_000L, "luna");
    }

    private static final DateTimeFormatter RFC2822 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.US);

    private record Base(int mode, ObjectId id, long size) {
    }

    private final SecretScanner secrets;
    private final long inlineBytes;
    private final Settings settings;

    public PatchWriter(SecretScanner secrets, long inlineBytes, Settings settings) {
        this.secrets = secrets;
        this.inlineBytes = inlineBytes;
        this.settings = settings;
    }

    /** The patch series, or an empty array when the plan changes nothing. */
    public byte[] write(Snapshot snapshot, PatchPlan plan) throws IOException {
        if (plan.commits().isEmpty()) return new byte[0];
        try (var repo = new InMemoryRepository(new DfsRepositoryDescription("cleanup"));
             ObjectInserter inserter = repo.newObjectInserter();
             var reader = repo.newObjectReader();
             var walk = new RevWalk(reader)) {
            Map<String, Base> state = new TreeMap<>();
            Map<String, Long> compact = new TreeMap<>();
            var removed = new HashSet<String>();
            plan.commits().forEach(c -> c.changes().stream().filter(PatchPlan.Change::removal).forEach(ch -> removed.add(ch.path())));
            for (var path : new java.util.TreeSet<>(plan.paths())) {
                TreeEntry e = snapshot.entry(path);
                if (e == null) continue;
                byte[] bytes = snapshot.read(path, inlineBytes);
                boolean unreadable = bytes == null || Project.binary(bytes);
                if (unreadable && !removed.contains(path)) throw new IOException(path + " cannot be shown, so the patch cannot edit it");
                if (unreadable || removed.contains(path) && (hasCarriageReturn(bytes) || secretIn(path, bytes))) {
                    compact.put(path, e.size());
                    state.put(path, new Base(e.mode(), snapshot.blobId(path), e.size()));
                } else {
                    state.put(path, new Base(e.mode(), inserter.insert(Constants.OBJ_BLOB, bytes), bytes.length));
                }
            }
            var ident = new PersonIdent(settings.name(), settings.email(), Instant.ofEpochSecond(settings.epochSeconds()), ZoneOffset.UTC);
            ObjectId parent = commit(inserter, tree(inserter, state), null, ident, "Analysed tree: the files the clean-up touches\n");
            var messages = new ArrayList<Message>();
            for (var c : plan.commits()) {
                for (var ch : c.changes()) {
                    if (ch.removal()) state.remove(ch.path());
                    else {
                        byte[] bytes = ch.bytes();
                        var old = state.get(ch.path());
                        state.put(ch.path(), new Base(old == null ? TreeEntry.REGULAR : old.mode(), inserter.insert(Constants.OBJ_BLOB, bytes),
                                bytes.length));
                    }
                }
                String message = c.subject() + "\n\n" + c.body();
                ObjectId id = commit(inserter, tree(inserter, state), parent, ident, message);
                inserter.flush();
                var body = diff(repo, walk, parent, id, compact);
                if (body != null) messages.add(new Message(id, c, body[0], body[1]));
                parent = id;
            }
            return assemble(messages);
        }
    }

    /** git am strips a CR before LF from every patch line unless run with --keep-cr: such files are removed by id. */
    private static boolean hasCarriageReturn(byte[] bytes) {
        for (byte b : bytes) if (b == '\r') return true;
        return false;
    }

    private boolean secretIn(String path, byte[] bytes) {
        return !secrets.scanText(path, new String(bytes, StandardCharsets.UTF_8)).isEmpty();
    }

    private static ObjectId tree(ObjectInserter inserter, Map<String, Base> state) throws IOException {
        var cache = DirCache.newInCore();
        var builder = cache.builder();
        for (var e : state.entrySet()) {
            var entry = new DirCacheEntry(e.getKey());
            entry.setFileMode(FileMode.fromBits(e.getValue().mode()));
            entry.setObjectId(e.getValue().id());
            builder.add(entry);
        }
        builder.finish();
        return cache.writeTree(inserter);
    }

    private static ObjectId commit(ObjectInserter inserter, ObjectId tree, ObjectId parent, PersonIdent ident, String message) throws IOException {
        var cb = new CommitBuilder();
        cb.setTreeId(tree);
        if (parent != null) cb.setParentId(parent);
        cb.setAuthor(ident);
        cb.setCommitter(ident);
        cb.setMessage(message);
        return inserter.insert(cb);
    }

    /** The diffstat, summary and diff of one commit against its parent, or null when it changes nothing. */
    private byte[][] diff(InMemoryRepository repo, RevWalk walk, ObjectId parent, ObjectId commit, Map<String, Long> compact)
            throws IOException {
        var out = new Buffer();
        var stat = new Diffstat();
        try (var formatter = new GitStyleFormatter(out); var tw = new TreeWalk(repo)) {
            formatter.setRepository(repo);
            tw.addTree(walk.parseCommit(parent).getTree());
            tw.addTree(walk.parseCommit(commit).getTree());
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            var entries = DiffEntry.scan(tw);
            if (entries.isEmpty()) return null;
            for (var entry : entries) {
                String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
                String name = QuotedString.GIT_PATH.quote(path);
                String summary = switch (entry.getChangeType()) {
                    case ADD -> "create mode " + entry.getNewMode() + " " + name;
                    case DELETE -> "delete mode " + entry.getOldMode() + " " + name;
                    default -> entry.getOldMode().equals(entry.getNewMode()) ? null
                            : "mode change " + entry.getOldMode() + " => " + entry.getNewMode() + " " + name;
                };
                if (entry.getChangeType() == DiffEntry.ChangeType.DELETE && compact.containsKey(path)) {
                    String a = QuotedString.GIT_PATH.quote("a/" + path);
                    String b = QuotedString.GIT_PATH.quote("b/" + path);
                    String text = "diff --git " + a + " " + b + "\n" + "deleted file mode " + entry.getOldMode() + "\n"
                            + "index " + entry.getOldId().name() + ".." + ObjectId.zeroId().name() + "\n"
                            + "Binary files " + a + " and /dev/null differ\n";
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                    stat.add(new Diffstat.File(name, 0, compact.get(path), true, summary));
                    continue;
                }
                var edits = formatter.toFileHeader(entry).toEditList();
                long added = 0;
                long deleted = 0;
                for (var edit : edits) {
                    added += edit.getEndB() - edit.getBeginB();
                    deleted += edit.getEndA() - edit.getBeginA();
                }
                int start = out.size();
                formatter.format(entry);
                formatter.flush();
                if (edits.isEmpty() && entry.getChangeType() != DiffEntry.ChangeType.MODIFY) out.dropPathLines(start);
                stat.add(new Diffstat.File(name, added, deleted, false, summary));
            }
            formatter.flush();
        }
        return new byte[][] {stat.render().getBytes(StandardCharsets.UTF_8), out.toByteArray()};
    }

    /** A buffer that can take back JGit's {@code ---}/{@code +++} lines, which git omits for an empty file's diff. */
    private static final class Buffer extends ByteArrayOutputStream {
        void dropPathLines(int start) {
            for (int i = start; i < count - 4; i++) {
                if ((i == start || buf[i - 1] == '\n') && buf[i] == '-' && buf[i + 1] == '-' && buf[i + 2] == '-' && buf[i + 3] == ' ') {
                    count = i;
                    return;
                }
            }
        }
    }

    private record Message(ObjectId id, PatchPlan.Commit commit, byte[] stat, byte[] diff) {
    }

    /** The mbox: one message per commit, numbered {@code [PATCH n/m]} (just {@code [PATCH]} for a single one, as git does). */
    private byte[] assemble(List<Message> messages) throws IOException {
        var out = new ByteArrayOutputStream();
        String date = RFC2822.format(Instant.ofEpochSecond(settings.epochSeconds()).atOffset(ZoneOffset.UTC));
        for (int i = 0; i < messages.size(); i++) {
            var m = messages.get(i);
            if (i > 0) out.write('\n');
            String number = messages.size() == 1 ? "[PATCH]" : "[PATCH " + (i + 1) + "/" + messages.size() + "]";
            var head = new StringBuilder();
            head.append("From ").append(m.id().name()).append(" Mon Sep 17 00:00:00 2001\n");
            head.append("From: ").append(settings.name()).append(" <").append(settings.email()).append(">\n");
            head.append("Date: ").append(date).append('\n');
            head.append("Subject: ").append(number).append(' ').append(m.commit().subject()).append('\n');
            String body = m.commit().body();
            if (!body.chars().allMatch(ch -> ch < 0x80)) {
                head.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n");
            }
            head.append('\n').append(body.isEmpty() || body.endsWith("\n") ? body : body + "\n").append("---\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(m.stat());
            out.write('\n');
            out.write(m.diff());
            out.write(("-- \n" + settings.signature() + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
