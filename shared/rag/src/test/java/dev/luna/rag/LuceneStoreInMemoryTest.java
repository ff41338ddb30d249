package dev.luna.rag;

class LuceneStoreInMemoryTest extends VectorStoreContract {
    @Override
    VectorStore newStore() {
        return new LuceneStore(null);
    }
}
