package dev.luna.tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * The main class of a function JVM started from a packaged artifact: does what the Lambda Java runtime does with
 * the handler {@code FunctionInvoker::handleRequest} — builds Spring Cloud Function's {@link FunctionInvoker}
 * (configured by {@code MAIN_CLASS} and {@code SPRING_CLOUD_FUNCTION_DEFINITION}) and hands it the raw event bytes.
 * Only this class is loaded from the tools jar; everything else comes from the package's {@code lib/}.
 *
 * <pre>
 * FunctionMain EVENT_FILE                      invoke the configured function once (scripts/invoke, cold start)
 * FunctionMain --train BEAN=EVENT_FILE ...     invoke several functions of one module (the CDS training run)
 * </pre>
 *
 * Prints {@code LUNA_RESPONSE <json>} per invocation and {@code LUNA_PHASES ...} timings on stdout.
 */
public final class FunctionMain {
    static final String RESPONSE = "LUNA_RESPONSE ";
    static final String PHASES = "LUNA_PHASES ";

    private FunctionMain() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        if (args.length == 0) {
            System.err.println("usage: FunctionMain EVENT_FILE | --train BEAN=EVENT_FILE...");
            System.exit(2);
        }
        if (!args[0].equals("--train")) {
            byte[] event = Files.readAllBytes(Path.of(args[0]));
            var invoker = new FunctionInvoker();
            long t1 = System.nanoTime();
            String response = invoke(invoker, event);
            long t2 = System.nanoTime();
            System.out.println(RESPONSE + response);
            System.out.println(PHASES + "context=" + ms(t1 - t0) + " first-invoke=" + ms(t2 - t1));
            System.out.flush();
            System.exit(0);
        }
        // Training: every function of the module, each through its own invoker (as each is its own Lambda), so the
        // archive holds the classes all of them load. Then wait for background priming to finish, then exit (the
        // JVM writes the archive at exit).
        var invokers = new LinkedHashMap<String, FunctionInvoker>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String bean = args[i].substring(0, eq);
            byte[] event = Files.readAllBytes(Path.of(args[i].substring(eq + 1)));
            var invoker = invokers.computeIfAbsent(bean, FunctionInvoker::new);
            System.out.println(RESPONSE + bean + " " + invoke(invoker, event));
        }
        awaitPriming(invokers);
        System.out.flush();
        System.exit(0);
    }

    private static String invoke(FunctionInvoker invoker, byte[] event) throws java.io.IOException {
        var out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event), out, new LocalContext());
        return out.toString(StandardCharsets.UTF_8).replace('\n', ' ');
    }

    private static void awaitPriming(Map<String, FunctionInvoker> invokers) throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("luna-prime")) t.join(30_000);
        }
    }

    /** The invocation context Lambda passes (request id, names, deadline); the function's timeout from LUNA_TIMEOUT_SECONDS. */
    private static final class LocalContext implements Context {
        private final String requestId = java.util.UUID.randomUUID().toString();
        private final long deadline = System.currentTimeMillis()
                + 1000L * Long.parseLong(System.getenv().getOrDefault("LUNA_TIMEOUT_SECONDS", "15"));
        private final String name = System.getenv().getOrDefault("LUNA_FUNCTION", "function");

        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/" + name; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return name; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + name; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
        @Override public int getMemoryLimitInMB() { return Integer.parseInt(System.getenv().getOrDefault("LUNA_MEMORY_MB", "1024")); }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.println(message); }
                @Override public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
