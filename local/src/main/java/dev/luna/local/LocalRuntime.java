package dev.luna.local;

import dev.luna.functions.realtime.StreamAccess;
import dev.luna.catalog.Catalog;
import dev.luna.emulators.Emulators;
import dev.luna.emulators.MailServer;
import dev.luna.emulators.pinecone.PineconeServer;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import dev.luna.http.Router;
import dev.luna.identity.ApiKeyStore;
import dev.luna.identity.ProjectStore;
import dev.luna.realtime.LiveEventBus;
import dev.luna.realtime.LiveEventHub;
import dev.luna.realtime.LiveEvents;
import dev.luna.store.AwsClients;
import dev.luna.store.DataDefinitions;
import dev.luna.store.LunaConfig;
import dev.luna.store.ResourceProvisioner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole platform in one JVM: the embedded AWS stand-ins, the resources of {@code data.json} created on them,
 * every function of the catalog registered through the same Spring Cloud Function path Lambda uses, and an
 * HTTP front that plays API Gateway.
 */
public final class LocalRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalRuntime.class);
    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
    /** The scheduled function that reconciles tasks with the queues; run once at a restart on a data directory. */
    static final String RECOVERY_FUNCTION = "health-check";

    private final HttpFront server;
    private final Emulators emulators;
    private final ConfigurableApplicationContext context;
    private final AwsClients aws;
    private final LambdaInvoker invoker;
    private final String generatedAdminKey;
    private final Path dataDirectory;
    private final List<QueuePoller> pollers;
    private final Scheduler scheduler;

    private final boolean ownsEmulators;
    private final LiveEventHub liveEvents;
    private final LunaConfig liveConfig;
    private final PineconeServer pinecone;
    private final MailServer mail;
    private final HealthWatchTap healthWatch;

    private LocalRuntime(HttpFront server, Emulators emulators, boolean ownsEmulators,
                         ConfigurableApplicationContext context, AwsClients aws, LambdaInvoker invoker, String generatedAdminKey,
                         Path dataDirectory, List<QueuePoller> pollers, Scheduler scheduler, PineconeServer pinecone, MailServer mail,
                         LiveEventHub liveEvents, LunaConfig liveConfig, HealthWatchTap healthWatch) {
        this.healthWatch = healthWatch;
        this.liveEvents = liveEvents;
        this.liveConfig = liveConfig;
        this.ownsEmulators = ownsEmulators;
        this.pinecone = pinecone;
        this.mail = mail;
        this.pollers = pollers;
        this.scheduler = scheduler;
        this.invoker = invoker;
        this.server = server;
        this.emulators = emulators;
        this.context = context;
        this.aws = aws;
        this.generatedAdminKey = generatedAdminKey;
        this.dataDirectory = dataDirectory;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration of a local runtime. */
    public static final class Builder {
        private int port = 8080;
        private Path dataDirectory = Path.of(".luna");
        private String adminKey;
        private Emulators sharedStore;
        private boolean queuePollers = true;

        /** Whether queue functions are fed by pollers (Lambda's event source mappings); tests that play a worker turn it off. */
        public Builder queuePollers(boolean enabled) {
            this.queuePollers = enabled;
            return this;
        }
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<ApplicationContextInitializer<GenericApplicationContext>> initializers = new ArrayList<>();

        /**
         * Uses another runtime's stand-ins instead of starting its own, as a second function instance would share
         * DynamoDB, SQS and S3 in AWS. The other runtime keeps owning them.
         */
        public Builder sharedStore(Emulators emulators) {
            this.sharedStore = emulators;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where state persists; null keeps everything in memory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder adminKey(String adminKey) {
            this.adminKey = adminKey;
            return this;
        }

        /** A setting the functions read as if it were an environment variable (e.g. LUNA_AGENT_DEGRADED_AFTER_SECONDS). */
        public Builder setting(String name, String value) {
            if (value != null && !value.isBlank()) settings.put(name, value);
            return this;
        }

        /**
         * An extra initializer applied to the functions' context after the modules' own, e.g. one that registers
         * task types ({@code TaskTypes.of(context).register(...)}) — how tests and benchmarks add theirs.
         */
        public Builder initializer(ApplicationContextInitializer<GenericApplicationContext> initializer) {
            initializers.add(initializer);
            return this;
        }

        public LocalRuntime start() {
            return LocalRuntime.start(this);
        }
    }

    private static LocalRuntime start(Builder b) {
        long t0 = System.nanoTime();
        // Before the first JDK HttpServer of the JVM (the embedded DynamoDB's; the JDK reads it once): the JDK server
        // writes a response's headers and body separately, and without TCP_NODELAY Nagle's algorithm holds the body
        // until the client's delayed ACK of the headers (up to 40 ms).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpFront server = HttpFront.bind(b.port);
        Emulators emulators = null;
        ConfigurableApplicationContext context = null;
        AwsClients aws = null;
        Scheduler scheduler = null;
        PineconeServer pinecone = null;
        MailServer mail = null;
        var pollers = new ArrayList<QueuePoller>();
        LiveEventHub liveHub = null;
        LunaConfig liveConfig = null;
        HealthWatchTap healthWatch = null;
        try {
            emulators = b.sharedStore != null ? b.sharedStore : Emulators.start(b.dataDirectory);
            var properties = new LinkedHashMap<String, String>();
            properties.put("AWS_REGION", "us-east-1");
            properties.put(LunaConfig.DYNAMODB_ENDPOINT, emulators.dynamoEndpoint().toString());
            properties.put(LunaConfig.S3_ENDPOINT, emulators.s3Endpoint().toString());
            properties.put(LunaConfig.SQS_ENDPOINT, emulators.sqsEndpoint().toString());
            properties.put(LunaConfig.RESOURCE_PREFIX, "luna");
            properties.put(AwsClients.HTTP_CLIENT, "apache5");
            // RAG indexes and the embedding cache persist beside the emulators' data (in memory without a data directory)
            if (b.dataDirectory != null) properties.put("LUNA_RAG_INDEX_DIR", b.dataDirectory.resolve("rag").toAbsolutePath().toString());
            properties.putAll(b.settings);
            pinecone = pineconeStandIn(properties);
            mail = mailServer(properties);
            var config = LunaConfig.from(properties::get);
            // before any function exists: every TaskStore of this data store publishes to this hub
            liveHub = LiveEventBus.attach(config, Clock.systemUTC());
            liveConfig = config;
            // the runtime's own clients: the queue pollers (one long poll open per queue) and provisioning
            aws = new AwsClients(LunaConfig.from(k -> AwsClients.HTTP_MAX_CONNECTIONS.equals(k) ? "1024" : properties.get(k)));
            new ResourceProvisioner(aws).provision(DataDefinitions.load());
            Optional<String> generated = new AdminKeys(new ApiKeyStore(aws), new ProjectStore(aws), Clock.systemUTC()).ensure(b.adminKey);

            context = functions(properties, b.initializers);
            var invoker = new LambdaInvoker(context);
            var catalog = Catalog.load();
            var taskWorkers = TaskWorkerFunctions.of(catalog, (GenericApplicationContext) context);
            for (var f : catalog.functions().values()) {
                if (!invoker.has(f.bean())) throw new IllegalStateException("catalog function " + f.name() + " has no bean " + f.bean());
            }
            var provisioner = new ResourceProvisioner(aws);
            var data = DataDefinitions.load();
            for (var f : taskWorkers) provisioner.provisionTaskQueues(data, f.trigger().taskType(), Catalog.Trigger.PRIORITIES);
            scheduler = new Scheduler(invoker, Clock.systemUTC(), config.queueName("").replaceAll("-$", ""));
            if (b.dataDirectory != null) recover(catalog, invoker, scheduler, context);
            if (b.queuePollers) {
                var consumers = new ArrayList<Catalog.FunctionSpec>();
                catalog.functions().values().stream().filter(f -> f.trigger().isQueue()).forEach(consumers::add);
                consumers.addAll(taskWorkers);
                for (var f : consumers) {
                    for (var binding : f.trigger().queues()) {
                        String url = aws.sqs().getQueueUrl(r -> r.queueName(config.queueName(binding.queue()))).queueUrl();
                        String arn = aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                                .attributes().get(QueueAttributeName.QUEUE_ARN);
                        var poller = new QueuePoller(aws.sqs(), f, binding, url, arn, invoker);
                        pollers.add(poller);
                        poller.start();
                    }
                }
            }
            scheduler.start(catalog.functions().values().stream().filter(f -> f.trigger().isSchedule()).toList());
            var platform = PlatformHolder.of((GenericApplicationContext) context);
            var live = new LiveStreams(liveHub, new StreamAccess(platform), Clock.systemUTC()).on(server.server());
            var graphql = context.getBeanFactory().getSingleton(dev.luna.functions.graphql.GraphqlExecutor.BEAN);
            if (graphql != null) live.graphql((dev.luna.functions.graphql.GraphqlExecutor) graphql);
            // agents-health-watch reads the tasks table's stream in AWS; here the hub's terminal task events do
            healthWatch = HealthWatchTap.on(liveHub, dev.luna.tasks.routing.AgentRouting.of((GenericApplicationContext) context));
            var router = new Router(catalog.functions().values());
            server.start(live, ConsoleAssets.locate().besides(router), new ApiGateway(router, invoker, Clock.systemUTC()));
            log.info("Luna local runtime ready on http://127.0.0.1:{} in {} ms ({} functions, {} queue pollers, data: {})",
                    server.port(), (System.nanoTime() - t0) / 1_000_000, catalog.functions().size() + taskWorkers.size() - catalog.taskWorkers().size(), pollers.size(),
                    b.dataDirectory == null ? "in memory" : b.dataDirectory.toAbsolutePath());
            return new LocalRuntime(server, emulators, b.sharedStore == null, context, aws, invoker, generated.orElse(null),
                    b.dataDirectory, pollers, scheduler, pinecone, mail, liveHub, liveConfig, healthWatch);
        } catch (RuntimeException e) {
            server.close();
            if (healthWatch != null) healthWatch.close();
            if (liveConfig != null) LiveEventBus.detach(liveConfig);
            pollers.forEach(QueuePoller::stop);
            if (scheduler != null) scheduler.close();
            if (context != null) context.close();
            if (aws != null) aws.close();
            if (emulators != null && b.sharedStore == null) emulators.close();
            if (pinecone != null) pinecone.close();
            if (mail != null) mail.close();
            throw e;
        }
    }

    /**
     * With {@code LUNA_RAG_STORE=pinecone} and neither {@code LUNA_PINECONE_HOST} nor {@code LUNA_PINECONE_CONTROL_URL}
     * (as setting or environment variable), starts the in-memory Pinecone stand-in and points the RAG functions at its
     * control plane, which creates the index on first use — so the Pinecone path can be tried without an account.
     * Its vectors live in memory only.
     */
    private static PineconeServer pineconeStandIn(Map<String, String> properties) {
        java.util.function.Function<String, String> lookup = k -> properties.getOrDefault(k, System.getenv(k));
        if (!"pinecone".equalsIgnoreCase(String.valueOf(lookup.apply("LUNA_RAG_STORE")).trim())) return null;
        if (present(lookup.apply("LUNA_PINECONE_HOST")) || present(lookup.apply("LUNA_PINECONE_CONTROL_URL"))) return null;
        String key = present(lookup.apply("PINECONE_API_KEY")) ? lookup.apply("PINECONE_API_KEY") : "local-pinecone-key";
        var server = PineconeServer.start(key);
        properties.put("PINECONE_API_KEY", key);
        properties.put("LUNA_PINECONE_CONTROL_URL", server.controlUrl().toString());
        properties.put("LUNA_PINECONE_CREATE_INDEX", "true");
        log.info("LUNA_RAG_STORE=pinecone without a host: RAG uses the in-memory Pinecone stand-in at {}", server.controlUrl());
        return server;
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }

    /**
     * Without {@code LUNA_SMTP_HOST} (as setting or environment variable), starts the embedded mail server and points the
     * alert mail at it, so budget alert e-mail is really sent and can be read over IMAP.
     */
    private static MailServer mailServer(Map<String, String> properties) {
        if (present(properties.getOrDefault("LUNA_SMTP_HOST", System.getenv("LUNA_SMTP_HOST")))) return null;
        var server = MailServer.start();
        properties.put("LUNA_SMTP_HOST", "127.0.0.1");
        properties.put("LUNA_SMTP_PORT", Integer.toString(server.smtpPort()));
        properties.putIfAbsent("LUNA_ALERT_EMAIL_FROM", "luna-alerts@localhost");
        return server;
    }

    /** The mail server this runtime started (no {@code LUNA_SMTP_HOST} given), if it did. */
    public Optional<MailServer> mail() {
        return Optional.ofNullable(mail);
    }

    /** The Pinecone stand-in this runtime started for {@code LUNA_RAG_STORE=pinecone}, if it did. */
    public Optional<PineconeServer> pinecone() {
        return Optional.ofNullable(pinecone);
    }

    /**
     * After a restart on a data directory: the queues (ElasticMQ) live in memory and came back empty, while DynamoDB
     * kept every task. The health-check function, invoked once with {@code detail.recover = true} before any poller
     * runs, re-sends the message of every queued task and re-queues the tasks whose worker died with the last run.
     */
    private static void recover(Catalog catalog, LambdaInvoker invoker, Scheduler scheduler, ConfigurableApplicationContext context) {
        catalog.function(RECOVERY_FUNCTION).ifPresent(f -> {
            byte[] out = invoker.invoke(f.bean(), scheduler.event(f, java.time.Instant.now(), Map.of("recover", true)));
            log.info("recovered queued and running tasks after restart: {}", new String(out, java.nio.charset.StandardCharsets.UTF_8));
        });
        // the other modules' work that waited for a queue message (RAG index jobs)
        context.getBeansOfType(dev.luna.http.RestartRecovery.class).forEach((name, r) -> log.info("{} after restart: {}", name, r.recover()));
    }

    /** Boots every module's functions in one Spring context, the way FunctionInvoker boots one module in Lambda. */
    private static ConfigurableApplicationContext functions(Map<String, String> properties,
                                                            List<ApplicationContextInitializer<GenericApplicationContext>> extra) {
        // Logging is Logback's own configuration (credential masking included), as in Lambda: Spring Boot must not
        // reset and reconfigure it when the context starts.
        if (System.getProperty(LOGGING_SYSTEM) == null) System.setProperty(LOGGING_SYSTEM, "none");
        var sources = new ArrayList<Class<?>>();
        for (var module : Catalog.load().modules().values()) {
            try {
                sources.add(Class.forName(module.initializer()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("module initializer " + module.initializer() + " is not on the classpath", e);
            }
        }
        sources.add(AWSCompanionAutoConfiguration.class);
        var args = new ArrayList<String>();
        args.add("--spring.cloud.function.web.export.enabled=false");
        args.add("--spring.main.web-application-type=none");
        args.add("--spring.main.banner-mode=off");
        args.add("--spring.main.log-startup-info=false");
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        var app = new FunctionalSpringApplication(sources.toArray(Class<?>[]::new));
        for (var initializer : extra) app.addInitializers(initializer);
        return UpstreamNoise.withoutSourceLines(() -> app.run(args.toArray(String[]::new)));
    }

    public int port() {
        return server.port();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The admin key generated at this start, if one was (shown once). */
    public Optional<String> generatedAdminKey() {
        return Optional.ofNullable(generatedAdminKey);
    }

    /** Invokes functions with raw Lambda events, as the Lambda runtime would (for tests and tools). */
    LambdaInvoker invoker() {
        return invoker;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The live events of this runtime's data store (what its WebSocket and SSE clients receive). */
    public LiveEvents liveEvents() {
        return liveEvents;
    }

    public Emulators emulators() {
        return emulators;
    }

    @Override
    public void close() {
        pollers.forEach(QueuePoller::stop);
        scheduler.close();
        server.close();
        healthWatch.close();
        LiveEventBus.detach(liveConfig);
        QueuePoller.awaitAll(pollers, java.time.Duration.ofSeconds(2)); // let batches in flight finish, briefly
        var platform = (Platform) context.getBeanFactory().getSingleton(PlatformHolder.BEAN);
        context.close();
        if (platform != null) platform.close();
        aws.close();
        if (ownsEmulators) emulators.close();
        if (pinecone != null) pinecone.close();
        if (mail != null) mail.close();
    }

    /** The requested port is taken. */
    public static final class PortInUseException extends RuntimeException {
        PortInUseException(int port) {
            super("Port " + port + " is already in use. Stop the other process or choose another port with LUNA_PORT=<port>.");
        }
    }
}
