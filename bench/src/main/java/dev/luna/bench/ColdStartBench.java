package dev.luna.bench;

import dev.luna.catalog.Catalog;
import dev.luna.tools.LambdaJvm;
import dev.luna.tools.PackagedModule;
import dev.luna.tools.Packager;
import dev.luna.tools.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;


/**
 * {@code scripts/bench/cold-start}: cold init of every packaged HTTP function — a fresh JVM started from the
 * function's package (as Lambda does without SnapStart) until its first response — without and with the
 * package's CDS archive, runs interleaved so machine noise hits both alike. Prints a table per function and the
 * artifact sizes. Needs scripts/package to have run.
 *
 * <pre>ColdStartBench [--runs N] [function...]</pre>
 */
public final class ColdStartBench {
    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        var only = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) runs = Integer.parseInt(args[++i]);
            else only.add(args[i]);
        }
        Path root = Path.of(System.getProperty("luna.root", ".")).toAbsolutePath().normalize();
        Path artifacts = root.resolve("artifacts");
        Path launcher = artifacts.resolve(".launcher").resolve("luna-launcher.jar");
        var catalog = Catalog.load();
        var modules = new LinkedHashMap<String, PackagedModule>();
        for (var e : catalog.modules().entrySet()) {
            Path dir = artifacts.resolve(e.getValue().artifact());
            if (!Files.exists(dir.resolve(PackagedModule.MANIFEST))) throw new IllegalStateException(dir + " missing: run scripts/package first");
            modules.put(e.getKey(), PackagedModule.read(dir));
        }
        System.out.printf(Locale.ROOT, "Luna cold start — fresh JVM -> first response, %d runs per variant, %d cores, %s%n",
                runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        System.out.println("(plain = the package's class path as Lambda loads it; CDS = plus -XX:SharedArchiveFile=cds/luna.jsa)");
        System.out.println();
        System.out.printf("| %-22s | %-9s | %-22s | %-22s | %-34s |%n", "function", "module", "plain ms median (min-max)", "CDS ms median (min-max)", "CDS phases (context, first invoke)");
        System.out.println("|" + "-".repeat(24) + "|" + "-".repeat(11) + "|" + "-".repeat(28) + "|" + "-".repeat(26) + "|" + "-".repeat(36) + "|");
        var plainAll = new ArrayList<Double>();
        var cdsAll = new ArrayList<Double>();
        try (var sandbox = Sandbox.start()) {
            for (var fn : catalog.functions().values()) {
                if (!fn.trigger().isHttp() || (!only.isEmpty() && !only.contains(fn.name()))) continue;
                var events = Packager.events(root, fn.name());
                if (events.isEmpty()) continue;
                var pkg = modules.get(fn.module());
                var classpath = new ArrayList<>(pkg.classpathIn(pkg.dir()));
                classpath.add(launcher);
                var env = sandbox.environment(fn, catalog.modules().get(fn.module()));
                var plain = new ArrayList<Double>();
                var cds = new ArrayList<Double>();
                String phases = "";
                for (int run = 0; run < runs; run++) {
                    for (boolean withArchive : new boolean[] {false, true}) {
                        Path event = Files.createTempFile("cold", ".json");
                        Files.writeString(event, sandbox.prepare(fn.name(), Files.readString(events.getFirst())));
                        var r = LambdaJvm.run(classpath, pkg.archiveOptions(withArchive), env, List.of(event.toString()));
                        Files.delete(event);
                        if (!r.ok() || !r.responses().getFirst().contains("\"statusCode\":2")) {
                            throw new IllegalStateException(fn.name() + " failed: " + r.responses() + "\n" + r.output());
                        }
                        (withArchive ? cds : plain).add(r.msToFirstResponse());
                        if (withArchive) phases = r.phases();
                    }
                }
                plainAll.add(median(plain));
                cdsAll.add(median(cds));
                System.out.printf(Locale.ROOT, "| %-22s | %-9s | %-26s | %-24s | %-34s |%n", fn.name(), fn.module(), fmt(plain), fmt(cds), phases);
            }
        }
        System.out.printf(Locale.ROOT, "%nmedian over functions: plain %.0f ms, CDS %.0f ms; slowest CDS %.0f ms%n",
                median(plainAll), median(cdsAll), cdsAll.stream().mapToDouble(d -> d).max().orElse(0));
        System.out.println();
        System.out.println("| artifact | jars | unzipped MB | zip MB | CDS archive MB |");
        System.out.println("|---|---|---|---|---|");
        for (var pkg : modules.values()) {
            Path zip = artifacts.resolve(pkg.artifact() + ".zip");
            long unzipped;
            try (var s = Files.walk(pkg.dir())) {
                unzipped = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            Path archive = pkg.archive() == null ? null : pkg.dir().resolve(pkg.archive());
            System.out.printf(Locale.ROOT, "| %s.zip | %d | %.1f | %.1f | %s |%n", pkg.artifact(), pkg.classpath().size(), unzipped / 1048576.0,
                    Files.size(zip) / 1048576.0, archive == null ? "-" : String.format(Locale.ROOT, "%.1f", Files.size(archive) / 1048576.0));
        }
        System.exit(0);
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String fmt(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median(values), sorted.getFirst(), sorted.getLast());
    }

}
