package dev.luna.functions.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.emulators.pinecone.PineconeServer;
import dev.luna.rag.LuceneStore;
import dev.luna.rag.VectorStore;
import dev.luna.store.LunaConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RagStoresTest {
    static LunaConfig config(Map<String, String> settings) {
        var all = new HashMap<>(settings);
        all.put("AWS_REGION", "us-east-1");
        return LunaConfig.from(all::get);
    }

    @Test
    void luceneIsTheDefault() {
        try (var store = RagStores.create(config(Map.of()), null, 384)) {
            assertThat(store).isInstanceOf(LuceneStore.class);
        }
        try (var store = RagStores.create(config(Map.of("LUNA_RAG_STORE", "Lucene")), null, 384)) {
            assertThat(store).isInstanceOf(LuceneStore.class);
        }
        assertThatThrownBy(() -> RagStores.create(config(Map.of("LUNA_RAG_STORE", "elastic")), null, 384))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lucene or pinecone");
    }

    @Test
    void pineconeConnectsOnFirstUseAndSaysWhatIsMissing() {
        try (var store = RagStores.create(config(Map.of("LUNA_RAG_STORE", "pinecone")), null, 384)) {
            assertThatThrownBy(() -> store.count("p")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PINECONE_API_KEY or PINECONE_API_KEY_SECRET_ARN");
        }
        try (var pinecone = PineconeServer.start("k1")) {
            var settings = Map.of("LUNA_RAG_STORE", "pinecone", "PINECONE_API_KEY", "k1", "LUNA_PINECONE_INDEX", "luna-test",
                    "LUNA_PINECONE_CONTROL_URL", pinecone.controlUrl().toString());
            try (var store = RagStores.create(config(settings), null, 384)) {
                assertThatThrownBy(() -> store.count("p")).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("luna-test does not exist").hasMessageContaining("LUNA_PINECONE_CREATE_INDEX");
            }
            var creating = new HashMap<>(settings);
            creating.put("LUNA_PINECONE_CREATE_INDEX", "true");
            try (VectorStore store = RagStores.create(config(creating), null, 384)) {
                assertThat(store.count("p")).isZero(); // connected: the index was created through the control plane
                assertThat(store.fileHashes("p")).isEmpty();
            }
            var byHost = Map.of("LUNA_RAG_STORE", "pinecone", "PINECONE_API_KEY", "k1", "LUNA_PINECONE_HOST", "http://" + pinecone.host("luna-test"));
            try (VectorStore store = RagStores.create(config(byHost), null, 384)) {
                assertThat(store.count("p")).isZero();
            }
        }
    }
}
