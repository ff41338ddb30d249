package dev.luna.llm;

import dev.luna.emulators.dynamodb.DynamoDbServer;
import dev.luna.store.AwsClients;
import dev.luna.store.DataDefinitions;
import dev.luna.store.LunaConfig;
import dev.luna.store.ResourceProvisioner;
import java.util.Map;

/** The embedded DynamoDB-compatible server with the tables of data.json, over a real socket, for ITs. */
final class Dynamo implements AutoCloseable {
    final DynamoDbServer server = DynamoDbServer.builder().start();
    final AwsClients aws;

    Dynamo() {
        var settings = Map.of(LunaConfig.DYNAMODB_ENDPOINT, server.endpoint().toString(), LunaConfig.RESOURCE_PREFIX, "llmtest");
        aws = new AwsClients(LunaConfig.from(settings::get));
        var defs = DataDefinitions.load();
        new ResourceProvisioner(aws).provision(new DataDefinitions(defs.tables(), Map.of(), Map.of(), null));
    }

    @Override
    public void close() {
        aws.close();
        server.close();
    }
}
