package dev.luna.tools;

import dev.luna.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/invoke <function> [event-file]}: runs one function from its packaged artifact, like
 * {@code sam local invoke} — a fresh JVM with only the package's class path (and its CDS archive), Spring Cloud
 * Function's FunctionInvoker configured by MAIN_CLASS / SPRING_CLOUD_FUNCTION_DEFINITION as Terraform configures
 * it, against embedded stand-ins started here (or the endpoints in LUNA_DYNAMODB_ENDPOINT etc.). Prints the
 * function's response (the Lambda result) on stdout and the timing on stderr.
 */
public final class Invoke {
    private Invoke() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            System.err.println("usage: scripts/invoke <function> [event-file]   (functions: " + Catalog.load().functions().keySet() + ")");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("luna.root", ".")).toAbsolutePath().normalize();
        var catalog = Catalog.load();
        var fn = catalog.function(args[0]).orElse(null);
        if (fn == null) {
            System.err.println("invoke: no function '" + args[0] + "' in functions/catalog.json (functions: " + catalog.functions().keySet() + ")");
            System.exit(2);
        }
        var module = catalog.modules().get(fn.module());
        Path event;
        if (args.length == 2) {
            event = Path.of(args[1]);
        } else {
            var events = Packager.events(root, fn.name());
            if (events.isEmpty()) {
                System.err.println("invoke: no sample event in events/" + fn.name() + "/; pass an event file");
                System.exit(2);
            }
            event = events.getFirst();
        }
        if (!Files.isRegularFile(event)) {
            System.err.println("invoke: event file " + event + " does not exist");
            System.exit(2);
        }
        Path artifacts = Path.of(System.getProperty("luna.artifacts", root.resolve("artifacts").toString()));
        Path dir = artifacts.resolve(module.artifact());
        if (!Files.exists(dir.resolve(PackagedModule.MANIFEST))) {
            System.err.println("invoke: " + dir + " is not packaged yet; run scripts/package first");
            System.exit(2);
        }
        var pkg = PackagedModule.read(dir);
        String noCds = System.getProperty("luna.invoke.noCds", "");
        boolean useArchive = !(noCds.equals("1") || noCds.equalsIgnoreCase("true"));
        var classpath = new ArrayList<>(pkg.classpathIn(dir));
        classpath.add(artifacts.resolve(".launcher").resolve("luna-launcher.jar"));

        try (var sandbox = Sandbox.start()) {
            Path prepared = Files.createTempFile("luna-event", ".json");
            try {
                Files.writeString(prepared, sandbox.prepare(fn.name(), Files.readString(event)));
                var result = LambdaJvm.run(classpath, pkg.archiveOptions(useArchive), sandbox.environment(fn, module),
                        List.of(prepared.toString()));
                if (!result.ok()) {
                    System.err.println(result.output());
                    System.err.println("invoke: the function JVM failed (exit " + result.exitCode() + ")");
                    System.exit(1);
                }
                if (!result.output().isBlank()) System.err.print(result.output());
                System.out.println(result.responses().getFirst());
                System.err.printf(Locale.ROOT, "invoke: %s (%s) from %s.zip: %.0f ms fresh JVM -> response [%s]; CDS archive %s%n",
                        fn.name(), fn.bean(), module.artifact(), result.msToFirstResponse(), result.phases(),
                        useArchive && pkg.archive() != null ? "on (" + pkg.archiveJdk() + ")" : "off");
            } finally {
                Files.deleteIfExists(prepared);
            }
        }
        System.exit(0);
    }
}
