package dev.luna.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Runs in a fresh JVM with one module's classpath: builds Spring Cloud Function's {@link FunctionInvoker} (the
 * Lambda handler, configured by MAIN_CLASS and SPRING_CLOUD_FUNCTION_DEFINITION), invokes it once with the event
 * file, and prints the response and the JVM's uptime at that moment.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        var out = new ByteArrayOutputStream();
        long main = ManagementFactory.getRuntimeMXBean().getUptime();
        var invoker = new FunctionInvoker();
        long init = ManagementFactory.getRuntimeMXBean().getUptime();
        invoker.handleRequest(new ByteArrayInputStream(event), out, null);
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println("PHASES jvm-to-main=" + main + " ms, context=" + (init - main) + " ms, first-invoke=" + (uptime - init) + " ms");
        System.out.println("RESPONSE " + out);
        System.out.println("INIT_TO_RESPONSE_MS=" + uptime);
    }
}
