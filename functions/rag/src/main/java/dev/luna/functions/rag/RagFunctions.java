package dev.luna.functions.rag;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import dev.luna.http.HttpFunctions;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import dev.luna.sources.GitSettings;
import dev.luna.sources.SourceReader;
import dev.luna.sources.SourceValidator;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;

/**
 * The RAG module's functions: the HTTP API, and {@code rag-index-worker}, the queue-triggered function that runs
 * index jobs from SQS events ({@code {"jobId": …}} bodies; failed records are returned as batch item failures).
 *
 * <p>How a job starts depends on {@code LUNA_RAG_RUN_INLINE}: {@code false} (the default, in AWS and in the local
 * runtime, whose pollers play the event source mapping) sends the job to the {@code rag-index} queue, where
 * {@code rag-index-worker} runs it while the caller polls the status link; {@code true} runs the job inside the
 * request before answering 202 (tests that check a job's outcome at once, or a runtime without queue pollers).
 */
public final class RagFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String RUN_INLINE = "LUNA_RAG_RUN_INLINE";
    private static final Logger log = LoggerFactory.getLogger(RagFunctions.class);
    private static final Type QUEUE_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClassWithGenerics(Message.class, byte[].class), ResolvableType.forClass(SQSBatchResponse.class)).getType();

    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var config = platform.config();
        String dir = config.setting(RagEngine.INDEX_DIR, config.isLocal() ? null : "/tmp/luna-rag");
        Path directory = dir == null ? null : Path.of(dir);
        var engine = new RagEngine(directory, RagStores.create(config, directory, dev.luna.rag.OnnxEmbedder.DIMENSION),
                config.setting(dev.luna.rag.OnnxEmbedder.SETTING, null));
        context.registerBean("ragEngine", RagEngine.class, () -> engine);
        var jobs = new IndexJobRepository(platform.aws(), platform.clock());
        var git = GitSettings.of(config);
        var reader = new SourceReader(git, Indexer.LIMITS, platform.aws());
        var indexer = new Indexer(jobs, engine, platform.clock(), reader, new MediaFiles(OpenAiMediaDescriber.from(config)));
        boolean inline = Boolean.parseBoolean(config.setting(RUN_INLINE, "false"));
        String queue = config.queueName("rag-index");
        var queueUrl = new java.util.concurrent.atomic.AtomicReference<String>(); // looked up at the first job, then kept
        Consumer<String> dispatch = inline ? indexer::run : jobId -> {
            String url = queueUrl.updateAndGet(u -> u != null ? u : platform.aws().sqs().getQueueUrl(b -> b.queueName(queue)).queueUrl());
            platform.aws().sqs().sendMessage(b -> b.queueUrl(url).messageBody(Json.write(Map.of("jobId", jobId))));
        };
        // the gateway is made on first summarisation (it reads provider keys, from Secrets Manager in AWS)
        var gateway = new java.util.concurrent.atomic.AtomicReference<dev.luna.llm.LlmGateway>();
        var summarizer = new Summarizer(() -> gateway.updateAndGet(g -> g != null ? g
                : dev.luna.llm.Gateways.create(config, platform.aws(), platform.clock())), config.setting(Summarizer.MODEL, null));
        var watches = new GitWatchRepository(platform.aws());
        var service = new RagService(jobs, engine, platform.identity().projects(), platform.clock(), platform.ids(), dispatch,
                new SourceValidator(git, Indexer.LIMITS), summarizer, new dev.luna.llm.OptimizationSavings(platform.aws()), watches);
        var refresh = new GitRefresh(watches, jobs, new dev.luna.sources.GitHeads(git), platform.clock(), platform.ids(), dispatch);
        indexer.afterSuccess(refresh::indexed);
        HttpFunctions.register(context, "rag", platform, new RagHandlers(service, refresh).byBean());
        dev.luna.http.ScheduledFunctions.register(context, "rag", Map.of("ragRefresh", event -> refresh.checkDue()));
        registerWorker(context, indexer);
        context.registerBean("ragRestartRecovery", dev.luna.http.RestartRecovery.class, () -> () -> resendUnfinished(jobs, dispatch));
    }

    /** After a local restart: every job still queued, or left running by the process that died, goes to the queue again. */
    static String resendUnfinished(IndexJobRepository jobs, Consumer<String> dispatch) {
        int queued = 0, running = 0;
        for (var u : jobs.unfinished()) {
            if (u.running()) {
                jobs.save(u.job().requeued());
                running++;
            } else {
                queued++;
            }
            dispatch.accept(u.job().id());
        }
        return "index jobs sent again: " + queued + " queued, " + running + " left running by the previous process";
    }

    /**
     * Git source rules: {@code file://}, local paths and plain http ({@link GitSettings#ALLOW_LOCAL}) and private hosts
     * ({@link GitSettings#ALLOW_PRIVATE_HOSTS}) are off unless configured (the local runtime's launcher turns them on);
     * tokens from {@code LUNA_RAG_GIT_TOKEN_<NAME>} settings (locally also the environment) or Secrets Manager.
     */
    /** Registers {@code ragIndexWorker}, taking the raw SQS event like the HTTP functions take theirs. */
    private static void registerWorker(GenericApplicationContext context, Indexer indexer) {
        var spec = Catalog.load().functions().get("rag-index-worker");
        if (spec == null || !"queue".equals(spec.trigger().type())) throw new IllegalStateException("catalog lacks the queue function rag-index-worker");
        Function<Message<byte[]>, SQSBatchResponse> worker = message -> handle(indexer, message.getPayload());
        context.registerBean(spec.bean(), FunctionRegistration.class, () -> new FunctionRegistration<>(worker, spec.bean()).type(QUEUE_TYPE));
    }

    record SqsEvent(List<Record> Records) {
        record Record(String messageId, String body) {
        }
    }

    record JobMessage(String jobId) {
    }

    static SQSBatchResponse handle(Indexer indexer, byte[] payload) {
        var event = Json.readLenient(payload, SqsEvent.class);
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        if (event.Records() != null) {
            for (var r : event.Records()) {
                try {
                    var message = Json.readLenient(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), JobMessage.class);
                    if (message.jobId() == null) {
                        log.warn("dropping SQS message {} without a jobId", r.messageId());
                        continue;
                    }
                    indexer.run(message.jobId());
                } catch (RuntimeException e) {
                    log.error("index job message {} failed: {}", r.messageId(), e.toString());
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(r.messageId()).build());
                }
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
