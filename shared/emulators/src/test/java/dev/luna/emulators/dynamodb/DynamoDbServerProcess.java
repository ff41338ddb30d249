package dev.luna.emulators.dynamodb;

import java.nio.file.Path;

/** Runs a persistent server in a child JVM (for kill -9 tests): prints its port, then serves forever. */
public final class DynamoDbServerProcess {
  private DynamoDbServerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    DynamoDbServer server = DynamoDbServer.builder().dataDirectory(Path.of(args[0])).start();
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
