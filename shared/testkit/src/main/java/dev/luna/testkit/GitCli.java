package dev.luna.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real git command line, for tests: no user or system configuration, fixed identities and dates. */
public final class GitCli {
    public record Run(int exit, String out, String err) {
        public Run ok() {
            if (exit != 0) throw new AssertionError("git failed (" + exit + "): " + err + out);
            return this;
        }
    }

    private final Path home;

    public GitCli(Path home) throws IOException {
        this.home = Files.createDirectories(home);
    }

    public Run run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, null, args);
    }

    public Run run(Path dir, byte[] stdin, String... args) throws IOException, InterruptedException {
        var cmd = new ArrayList<String>(List.of("git", "-c", "core.autocrlf=false", "-c", "init.defaultBranch=main", "-c",
                "user.name=Tester", "-c", "user.email=tester@example.invalid", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        var pb = new ProcessBuilder(cmd).directory(dir.toFile());
        var env = pb.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", home.resolve("none").toString());
        env.put("GIT_AUTHOR_DATE", "1500000000 +0000");
        env.put("GIT_COMMITTER_DATE", "1500000000 +0000");
        env.put("GIT_COMMITTER_NAME", "Luna");
        env.put("GIT_COMMITTER_EMAIL", "luna@luna.invalid");
        env.put("LC_ALL", "C");
        var out = home.resolve("out-" + System.nanoTime());
        var err = home.resolve("err-" + System.nanoTime());
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        var p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("git timed out: " + cmd);
        }
        var run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1), Files.readString(err, StandardCharsets.ISO_8859_1));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** A repository of {@code dir}'s files in one commit. */
    public void commitAll(Path dir, String message) throws IOException, InterruptedException {
        if (!Files.isDirectory(dir.resolve(".git"))) run(dir, "init", "-q").ok();
        run(dir, "add", "-A", "-f").ok();
        run(dir, "commit", "-q", "--allow-empty", "-m", message).ok();
    }

    /** A fresh clone of {@code repo} at {@code target}. */
    public Path cloneTo(Path repo, Path target) throws IOException, InterruptedException {
        run(repo.getParent(), "clone", "-q", repo.toString(), target.toString()).ok();
        return target;
    }

    /** Checks a patch with {@code git apply --check}, then applies it with {@code git apply}, as a user would. */
    public void apply(Path repo, byte[] patch) throws IOException, InterruptedException {
        Path file = home.resolve("change-" + System.nanoTime() + ".patch");
        Files.write(file, patch);
        run(repo, "apply", "--check", file.toString()).ok();
        run(repo, "apply", file.toString()).ok();
    }

    /** Checks a patch series with {@code git apply --check}, then applies it with plain {@code git am}, as a user would. */
    public void am(Path repo, byte[] patch) throws IOException, InterruptedException {
        am(repo, patch, false);
    }

    public void am(Path repo, byte[] patch, boolean keepCr) throws IOException, InterruptedException {
        Path file = home.resolve("cleanup-" + System.nanoTime() + ".patch");
        Files.write(file, patch);
        run(repo, "apply", "--check", file.toString()).ok();
        if (keepCr) run(repo, "am", "-q", "--keep-cr", file.toString()).ok();
        else run(repo, "am", "-q", file.toString()).ok();
    }

    public List<String> files(Path repo) throws IOException, InterruptedException {
        var out = run(repo, "ls-files", "-z").ok().out();
        return out.isEmpty() ? List.of() : List.of(out.split("\u0000"));
    }
}
