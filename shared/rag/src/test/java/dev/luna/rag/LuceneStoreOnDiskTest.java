package dev.luna.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneStoreOnDiskTest extends VectorStoreContract {
    @TempDir
    Path dir;

    @Override
    VectorStore newStore() {
        return new LuceneStore(dir);
    }

    @Test
    void survivesARestart() {
        index("prj_1", "src/LruCache.java", CACHE);
        store.close();
        store = new LuceneStore(dir);
        assertThat(store.count("prj_1")).isEqualTo(2);
        assertThat(store.keyword("prj_1", "evict", 5, VectorStore.Filter.NONE)).isNotEmpty();
    }
}
