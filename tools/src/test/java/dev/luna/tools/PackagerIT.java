package dev.luna.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages a module (without the CDS training run, which takes a while) and runs a function from the package. */
class PackagerIT {
    private static final Path ROOT = Path.of(System.getProperty("luna.root"));

    @Test
    void aPackageHoldsTheModuleAndItsRuntimeDependenciesOnlyInTheLambdaLayout(@TempDir Path out) throws Exception {
        var catalog = Catalog.load();
        Packager.packageModule(ROOT, out, catalog, "agents", catalog.modules().get("agents"), null, null);

        Path zip = out.resolve("luna-functions-agents.zip");
        var names = new ArrayList<String>();
        try (var z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> {
                names.add(e.getName());
                assertThat(e.getLastModifiedTime().toMillis()).as(e.getName()).isEqualTo(Packager.FIXED_TIME.toMillis());
            });
        }
        assertThat(names).isSorted().contains("luna-package.json");
        var jars = names.stream().filter(n -> !n.equals("luna-package.json")).toList();
        assertThat(jars).allSatisfy(n -> assertThat(n).startsWith("lib/").endsWith(".jar"));
        assertThat(jars).anySatisfy(n -> assertThat(n).startsWith("lib/luna-functions-agents-"))
                .anySatisfy(n -> assertThat(n).startsWith("lib/spring-cloud-function-adapter-aws-"))
                .anySatisfy(n -> assertThat(n).startsWith("lib/crac-"))
                .noneSatisfy(n -> assertThat(n).containsAnyOf("luna-emulators", "s3proxy", "elasticmq", "pekko", "jetty", "junit",
                        "assertj", "luna-local", "luna-functions-platform", "netty", "apache5-client", "httpclient5"));

        var pkg = PackagedModule.read(out.resolve("luna-functions-agents"));
        assertThat(pkg.archive()).isNull();
        assertThat(pkg.classpath()).hasSize(jars.size()).first().asString().startsWith("lib/luna-functions-agents-");
    }

    @Test
    void forbiddenJarNamesAreRecognised() {
        for (String name : List.of("luna-emulators-0.1.0.jar", "s3proxy-4.1.0.jar", "elasticmq-rest-sqs_2.13-1.7.1.jar",
                "pekko-actor_2.13-1.5.0.jar", "jetty-server-12.0.jar", "junit-jupiter-api-5.12.jar", "netty-nio-client-2.57.8.jar")) {
            assertThat(Packager.FORBIDDEN.matcher(name).matches()).as(name).isTrue();
        }
        for (String name : List.of("luna-functions-agents-0.1.0.jar", "dynamodb-2.57.8.jar", "spring-core-7.0.8.jar", "url-connection-client-2.57.8.jar")) {
            assertThat(Packager.FORBIDDEN.matcher(name).matches()).as(name).isFalse();
        }
    }

    @Test
    void aPackagedFunctionAnswersInAFreshJvmAsInLambda(@TempDir Path out) throws Exception {
        var catalog = Catalog.load();
        Packager.packageModule(ROOT, out, catalog, "agents", catalog.modules().get("agents"), null, null);
        var pkg = PackagedModule.read(out.resolve("luna-functions-agents"));
        var classpath = new ArrayList<>(pkg.classpathIn(pkg.dir()));
        classpath.add(Path.of("target", "classes").toAbsolutePath()); // FunctionMain
        var fn = catalog.function("agents-get").orElseThrow();
        try (var sandbox = Sandbox.start()) {
            Path event = out.resolve("event.json");
            Files.writeString(event, sandbox.prepare(fn.name(), Files.readString(ROOT.resolve("events/agents-get/request.json"))));
            var result = LambdaJvm.run(classpath, List.of(), sandbox.environment(fn, catalog.modules().get("agents")),
                    List.of(event.toString()));
            assertThat(result.ok()).as(result.output()).isTrue();
            assertThat(result.responses()).hasSize(1);
            assertThat(result.responses().getFirst()).contains("\"statusCode\":200").contains("sample-agents-get");
        }
    }

    /**
     * The tasks module routes submissions through the agents module's AgentRouting, which it does not compile against:
     * its package carries the agents module (a runtime dependency), and its initializer applies the catalog's
     * collaborator (the agents module's AgentRoutingInitializer). A submission in a fresh JVM is routed and queued.
     */
    @Test
    void aPackagedTaskSubmissionIsRoutedThroughItsCollaborator(@TempDir Path out) throws Exception {
        var catalog = Catalog.load();
        var module = catalog.modules().get("tasks");
        assertThat(module.collaborators()).containsExactly("dev.luna.functions.agents.AgentRoutingInitializer");
        Packager.packageModule(ROOT, out, catalog, "tasks", module, null, null);
        var pkg = PackagedModule.read(out.resolve("luna-functions-tasks"));
        var classpath = new ArrayList<>(pkg.classpathIn(pkg.dir()));
        assertThat(classpath).anySatisfy(p -> assertThat(p.getFileName().toString()).startsWith("luna-functions-agents-"));
        classpath.add(Path.of("target", "classes").toAbsolutePath()); // FunctionMain
        var fn = catalog.function("tasks-submit").orElseThrow();
        try (var sandbox = Sandbox.start()) {
            Path event = out.resolve("event.json");
            Files.writeString(event, sandbox.prepare(fn.name(), Files.readString(ROOT.resolve("events/tasks-submit/submit.json"))));
            var env = sandbox.environment(fn, module);
            var result = LambdaJvm.run(classpath, List.of(), env, List.of(event.toString()));
            assertThat(result.ok()).as(result.output()).isTrue();
            assertThat(result.responses().getFirst()).as(result.output()).contains("\"statusCode\":201").contains("\\\"status\\\":\\\"queued\\\"");
        }
    }

    @Test
    void terraformGivesLambdaTheJvmOptionsAndSpringSettingsThatInvokeAndTheBenchmarksUse() throws Exception {
        // every function (HTTP, queue, schedule) is built by modules/lambda-function
        String variables = Files.readString(ROOT.resolve("infra/terraform/modules/lambda-function/variables.tf"));
        String main = Files.readString(ROOT.resolve("infra/terraform/modules/lambda-function/main.tf"));
        for (String option : LambdaJvm.TOOL_OPTIONS) {
            assertThat(variables).contains(option);
            assertThat(Files.readString(ROOT.resolve("infra/terraform/modules/http-function/variables.tf"))).contains(option);
        }
        assertThat(main).contains("-XX:SharedArchiveFile=/var/task/" + PackagedModule.ARCHIVE);
        Sandbox.SPRING_ENVIRONMENT.forEach((k, v) -> assertThat(main).containsPattern(k + "\\s*=\\s*\"" + v + "\""));
    }
}
