package dev.luna.codebase.java;

import dev.luna.codebase.EntryPoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Java entry points: {@code main}, managed components and their callbacks, HTTP handlers, tests, and classes named
 * by {@code META-INF/services}, {@code spring.factories}, Spring {@code *.imports} files and {@code web.xml}.
 */
final class JavaEntryPoints {
    private static final Set<String> COMPONENTS = Set.of("Component", "Service", "Repository", "Controller", "RestController",
            "Configuration", "SpringBootApplication", "ControllerAdvice", "RestControllerAdvice", "AutoConfiguration", "Named",
            "Singleton", "ApplicationScoped", "RequestScoped", "SessionScoped", "Dependent", "Path", "Provider", "ApplicationPath",
            "WebServlet", "WebFilter", "WebListener", "Entity", "Embeddable", "MappedSuperclass", "Converter", "Mapper", "Aspect",
            "ServerEndpoint", "Stateless", "Stateful", "MessageDriven", "Startup", "ConfigurationProperties", "JsonComponent",
            "Endpoint", "RestControllerEndpoint", "Factory", "Context");
    private static final Set<String> HANDLERS = Set.of("RequestMapping", "GetMapping", "PostMapping", "PutMapping", "DeleteMapping",
            "PatchMapping", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "Path", "MessageMapping", "SubscribeMapping",
            "QueryMapping", "MutationMapping", "SchemaMapping", "HttpExchange", "GetExchange", "PostExchange");
    private static final Set<String> CALLBACKS = Set.of("PostConstruct", "PreDestroy", "EventListener", "Scheduled", "KafkaListener",
            "RabbitListener", "JmsListener", "SqsListener", "ExceptionHandler", "ModelAttribute", "InitBinder", "TransactionalEventListener",
            "StreamListener", "Incoming", "Outgoing", "Observes", "ReadOperation", "WriteOperation", "DeleteOperation");
    private static final Set<String> TESTS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate",
            "BeforeEach", "AfterEach", "BeforeAll", "AfterAll", "Before", "After", "BeforeClass", "AfterClass");
    private static final Pattern WEB_XML_CLASS = Pattern.compile("<(servlet|filter|listener)-class>\\s*([\\w.$]+)\\s*</");

    private JavaEntryPoints() {
    }

    static void fromSymbols(List<TypeSymbol> types, List<EntryPoint> out) {
        for (var t : types) {
            boolean testFile = t.file().contains("src/test/") || t.file().contains("/test/java/");
            for (var a : t.annotations()) {
                if (COMPONENTS.contains(a.name())) out.add(new EntryPoint("component", t.fqn(), t.file(), t.startLine(), "@" + a.name()));
            }
            for (var s : t.supertypes()) {
                String simple = JavaIndex.erase(s);
                simple = simple.substring(simple.lastIndexOf('.') + 1);
                if (simple.equals("HttpServlet") || simple.equals("GenericServlet")) {
                    out.add(new EntryPoint("servlet", t.fqn(), t.file(), t.startLine(), "extends " + simple));
                }
            }
            if (testFile && t.name().matches(".*(Test|Tests|IT|TestCase)$")) {
                out.add(new EntryPoint("test", t.fqn(), t.file(), t.startLine(), "test source"));
            }
            for (var m : t.methods()) {
                String id = t.fqn() + "#" + m.signature();
                if (m.name().equals("main") && m.modifiers().contains("static") && m.parameters().size() == 1
                        && m.parameters().getFirst().type().replace(" ", "").matches("String(\\[]|\\.\\.\\.)")) {
                    out.add(new EntryPoint("main", id, t.file(), m.startLine(), "static main"));
                }
                for (var a : m.annotations()) {
                    String kind = a.name().equals("Bean") || a.name().equals("Produces") && a.type().startsWith("jakarta.enterprise")
                            ? "bean" : HANDLERS.contains(a.name()) ? "http-handler" : CALLBACKS.contains(a.name()) ? "callback"
                            : TESTS.contains(a.name()) ? "test" : null;
                    if (kind != null) out.add(new EntryPoint(kind, id, t.file(), m.startLine(), "@" + a.name()));
                }
            }
        }
    }

    /** Entries of service-loader, Spring factories/imports and web.xml files that name project types. */
    static void fromResource(String path, String text, Map<String, ?> projectTypes, List<EntryPoint> out) {
        var lines = text.split("\n", -1);
        if (path.contains("META-INF/services/")) {
            String service = path.substring(path.lastIndexOf('/') + 1);
            for (int i = 0; i < lines.length; i++) {
                String cls = lines[i].replaceFirst("#.*$", "").trim();
                if (projectTypes.containsKey(cls)) out.add(new EntryPoint("service-loader", cls, path, i + 1, service));
            }
        } else if (path.endsWith("spring.factories") || path.contains("META-INF/spring/") && path.endsWith(".imports")) {
            String detail = path.substring(path.lastIndexOf('/') + 1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].replaceFirst("#.*$", "");
                int eq = l.indexOf('=');
                if (eq >= 0) l = l.substring(eq + 1);
                for (var part : l.replace("\\", "").split(",")) {
                    String cls = part.trim();
                    if (projectTypes.containsKey(cls)) out.add(new EntryPoint("spring-factories", cls, path, i + 1, detail));
                }
            }
        } else if (path.endsWith("web.xml")) {
            var m = WEB_XML_CLASS.matcher(text);
            while (m.find()) {
                String cls = m.group(2).replace('$', '.');
                if (!projectTypes.containsKey(cls)) continue;
                int line = 1;
                for (int i = 0; i < m.start(); i++) if (text.charAt(i) == '\n') line++;
                out.add(new EntryPoint("servlet", cls, path, line, "web.xml " + m.group(1)));
            }
        }
    }

    static boolean isResource(String path) {
        return path.contains("META-INF/services/") || path.endsWith("META-INF/spring.factories")
                || path.contains("META-INF/spring/") && path.endsWith(".imports") || path.endsWith("WEB-INF/web.xml");
    }
}
