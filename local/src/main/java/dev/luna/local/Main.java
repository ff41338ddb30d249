package dev.luna.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./scripts/local}: starts the platform on http://localhost:8080 ({@code LUNA_PORT} overrides) with data
 * under {@code ./.luna} ({@code --in-memory} for a throwaway run, {@code --data-dir DIR} elsewhere).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        var builder = LocalRuntime.builder();
        int port = 8080;
        String envPort = System.getenv("LUNA_PORT");
        Path data = Path.of(".luna");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--in-memory" -> data = null;
                case "--data-dir" -> data = Path.of(requireValue(args, ++i, "--data-dir"));
                case "--port" -> envPort = requireValue(args, ++i, "--port");
                case "-h", "--help" -> {
                    System.out.println("usage: scripts/local [--in-memory] [--data-dir DIR] [--port N]\n"
                            + "env: LUNA_PORT (default 8080), LUNA_ADMIN_KEY (bootstrap admin key, luna_...), LUNA_LOG_LEVEL");
                    return;
                }
                default -> fail("unknown option " + args[i] + " (try --help)");
            }
        }
        if (envPort != null) {
            try {
                port = Integer.parseInt(envPort.trim());
                if (port < 0 || port > 65535) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                fail("LUNA_PORT must be a port number between 0 and 65535, got '" + envPort + "'");
            }
        }
        LocalRuntime runtime;
        try {
            runtime = builder.port(port).dataDirectory(data).adminKey(System.getenv("LUNA_ADMIN_KEY"))
                    .setting("LUNA_AGENT_DEGRADED_AFTER_SECONDS", System.getenv("LUNA_AGENT_DEGRADED_AFTER_SECONDS"))
                    .setting("LUNA_AGENT_UNHEALTHY_AFTER_SECONDS", System.getenv("LUNA_AGENT_UNHEALTHY_AFTER_SECONDS"))
                    .setting("LUNA_WEBHOOK_SECRET", System.getenv("LUNA_WEBHOOK_SECRET"))
                    // webhook receivers on this machine are the norm locally; in AWS private addresses are refused
                    .setting("LUNA_WEBHOOK_ALLOW_PRIVATE_HOSTS", envOr("LUNA_WEBHOOK_ALLOW_PRIVATE_HOSTS", "true"))
                    // indexing a checkout on this machine (file:// or a path) or a git server on the LAN is the norm locally;
                    // in AWS only https URLs of public hosts are fetched
                    .setting("LUNA_RAG_GIT_ALLOW_LOCAL", envOr("LUNA_RAG_GIT_ALLOW_LOCAL", "true"))
                    .setting("LUNA_RAG_GIT_ALLOW_PRIVATE_HOSTS", envOr("LUNA_RAG_GIT_ALLOW_PRIVATE_HOSTS", "true"))
                    .setting("LUNA_CIRCUIT_FAILURE_THRESHOLD", System.getenv("LUNA_CIRCUIT_FAILURE_THRESHOLD"))
                    .setting("LUNA_CIRCUIT_COOL_DOWN_SECONDS", System.getenv("LUNA_CIRCUIT_COOL_DOWN_SECONDS"))
                    .setting("LUNA_TASK_STUCK_GRACE_SECONDS", System.getenv("LUNA_TASK_STUCK_GRACE_SECONDS"))
                    .setting("LUNA_TASK_REQUEUE_AFTER_SECONDS", System.getenv("LUNA_TASK_REQUEUE_AFTER_SECONDS"))
                    .setting("LUNA_RAG_STORE", System.getenv("LUNA_RAG_STORE"))
                    .start();
        } catch (LocalRuntime.PortInUseException | IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Luna…");
            runtime.close();
            stopped.countDown();
        }, "luna-shutdown"));
        String url = "http://localhost:" + runtime.port();
        System.out.println();
        System.out.println("  Luna is running at " + url);
        System.out.println("  API reference:      " + url + "/docs");
        System.out.println("  Data:               " + (data == null ? "in memory (discarded on exit)" : data.toAbsolutePath()));
        System.out.println("  Queues (SQS):       " + runtime.emulators().sqsEndpoint() + "   (export LUNA_SQS=" + runtime.emulators().sqsEndpoint() + ")");
        runtime.generatedAdminKey().ifPresentOrElse(
                key -> {
                    System.out.println("  Admin API key:      " + key);
                    System.out.println("                      (shown only now; export LUNA_KEY=" + key + ")");
                },
                () -> System.out.println("  Admin API key:      " + (System.getenv("LUNA_ADMIN_KEY") != null
                        ? "from LUNA_ADMIN_KEY" : "generated on first start (set LUNA_ADMIN_KEY to choose one)")));
        runtime.mail().ifPresent(m -> System.out.println("  Alert e-mail:       smtp://127.0.0.1:" + m.smtpPort() + " in, imap://127.0.0.1:" + m.imapPort()
                + " out (any password: curl \"imap://127.0.0.1:" + m.imapPort() + "/INBOX;UID=1\" -u <address>:luna)"));
        System.out.println("  AWS stand-ins:      LUNA_DYNAMODB_ENDPOINT=" + runtime.emulators().dynamoEndpoint()
                + " LUNA_S3_ENDPOINT=" + runtime.emulators().s3Endpoint() + " LUNA_SQS_ENDPOINT=" + runtime.emulators().sqsEndpoint());
        System.out.println("                      (export them to point scripts/invoke at this runtime)");
        System.out.println("  Press Ctrl-C to stop.");
        System.out.println();
        stopped.await();
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String requireValue(String[] args, int i, String option) {
        if (i >= args.length) fail(option + " needs a value");
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("luna: " + message);
        System.exit(2);
    }
}
