package dev.luna.emulators.pinecone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.pinecone.clients.Index;
import io.pinecone.clients.Pinecone;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.exceptions.PineconeAlreadyExistsException;
import io.pinecone.exceptions.PineconeNotFoundException;
import io.pinecone.exceptions.PineconeUnmappedHttpException;
import io.pinecone.proto.FetchByMetadataRequest;
import io.pinecone.proto.UpdateRequest;
import io.pinecone.unsigned_indices_model.ScoredVectorWithUnsignedIndices;
import io.pinecone.unsigned_indices_model.SparseValuesWithUnsignedIndices;
import io.pinecone.unsigned_indices_model.VectorWithUnsignedIndices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in driven by the real {@code pinecone-client}: control plane over REST, data plane over gRPC, loopback sockets. */
class PineconeServerIT {
  static final String KEY = "it-key";
  static PineconeServer server;
  static Pinecone control;
  static int n;
  String name;
  ManagedChannel channel;
  Index index;

  @BeforeAll
  static void start() {
    server = PineconeServer.start(KEY);
    control = new Pinecone.Builder(KEY).withHost(server.controlUrl().toString()).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void connect() {
    name = "it-" + (++n);
    var model = control.createServerlessIndex(name, "dotproduct", 4, "aws", "us-east-1", "disabled", Map.of("team", "luna"));
    assertThat(model.getHost()).isEqualTo(server.host(name));
    index = open(KEY, model.getHost());
  }

  Index open(String key, String host) {
    channel = NettyChannelBuilder.forTarget(host).usePlaintext().build();
    var config = new PineconeConfig(key, "luna-test");
    config.setHost(host);
    config.setTLSEnabled(false);
    config.setCustomManagedChannel(channel);
    return new Index(config, new PineconeConnection(config), name);
  }

  @AfterEach
  void close() {
    index.close();
  }

  static Struct meta(String json) {
    return MetadataFilterTest.json(json);
  }

  static VectorWithUnsignedIndices v(String id, List<Float> values, String metadata, List<Long> idx, List<Float> sv) {
    return new VectorWithUnsignedIndices(id, values, metadata == null ? null : meta(metadata),
        idx == null ? null : new SparseValuesWithUnsignedIndices(idx, sv));
  }

  @Test
  void controlPlaneDescribesListsCreatesAndDeletesIndexes() {
    var model = control.describeIndex(name);
    assertThat(model.getDimension()).isEqualTo(4);
    assertThat(model.getMetric()).isEqualTo("dotproduct");
    assertThat(model.getStatus().getReady()).isTrue();
    assertThat(model.getSpec().getIndexModelServerless().getServerless().getCloud()).isEqualTo("aws");
    assertThat(model.getTags()).containsEntry("team", "luna");
    assertThat(control.listIndexes().getIndexes()).extracting(m -> m.getName()).contains(name);
    assertThatThrownBy(() -> control.createServerlessIndex(name, "dotproduct", 4, "aws", "us-east-1", "disabled", Map.of()))
        .isInstanceOf(PineconeAlreadyExistsException.class);
    assertThatThrownBy(() -> control.describeIndex("no-such-index")).isInstanceOf(PineconeNotFoundException.class);
    var other = control.createServerlessIndex("to-delete-" + n, "cosine", 3, "aws", "us-east-1", "disabled", Map.of());
    control.deleteIndex(other.getName());
    assertThatThrownBy(() -> control.describeIndex(other.getName())).isInstanceOf(PineconeNotFoundException.class);
    var wrongKey = new Pinecone.Builder("nope").withHost(server.controlUrl().toString()).build();
    assertThatThrownBy(() -> wrongKey.describeIndex(name)).isInstanceOf(RuntimeException.class).hasMessageContaining("401");
  }

  @Test
  void upsertsQueriesDenseAndSparseWithFiltersAndFetches() {
    index.upsert(List.of(
        v("a", List.of(1f, 0f, 0f, 0f), "{\"lang\":\"java\",\"n\":1}", List.of(7L, 4_000_000_000L), List.of(1f, 2f)),
        v("b", List.of(0.8f, 0.2f, 0f, 0f), "{\"lang\":\"go\",\"n\":2}", List.of(7L), List.of(0.5f)),
        v("c", List.of(0f, 1f, 0f, 0f), "{\"lang\":\"java\",\"n\":3}", null, null)), "ns1");
    index.upsert(List.of(v("z", List.of(1f, 0f, 0f, 0f), null, null, null)), "ns2");

    var dense = index.query(3, List.of(1f, 0f, 0f, 0f), null, null, null, "ns1", null, false, true);
    assertThat(dense.getMatchesList()).extracting(ScoredVectorWithUnsignedIndices::getId).containsExactly("a", "b", "c");
    assertThat(dense.getMatches(0).getScore()).isEqualTo(1f);
    assertThat(dense.getMatches(0).getMetadata().getFieldsMap().get("lang").getStringValue()).isEqualTo("java");
    assertThat(dense.getMatches(0).getValuesList()).isEmpty();

    // sparse-dense: the score adds the sparse dot product (indices are unsigned 32-bit)
    var hybrid = index.query(3, List.of(0f, 0f, 0f, 0.001f), List.of(4_000_000_000L), List.of(3f), null, "ns1", null, true, false);
    assertThat(hybrid.getMatches(0).getId()).isEqualTo("a");
    assertThat(hybrid.getMatches(0).getScore()).isEqualTo(6f);
    assertThat(hybrid.getMatches(0).getSparseValuesWithUnsignedIndices().getIndicesWithUnsigned32IntList()).containsExactly(7L, 4_000_000_000L);
    assertThat(hybrid.getMatches(0).getValuesList()).containsExactly(1f, 0f, 0f, 0f);

    var filtered = index.query(10, List.of(1f, 0f, 0f, 0f), null, null, null, "ns1",
        meta("{\"lang\":\"java\",\"n\":{\"$gte\":2}}"), false, false);
    assertThat(filtered.getMatchesList()).extracting(ScoredVectorWithUnsignedIndices::getId).containsExactly("c");
    var byId = index.queryByVectorId(1, "b", "ns1");
    assertThat(byId.getMatches(0).getId()).isEqualTo("a");
    assertThat(index.query(5, List.of(1f, 0f, 0f, 0f), null, null, null, "missing", null, false, false).getMatchesList()).isEmpty();

    var fetched = index.fetch(List.of("a", "c", "nope"), "ns1");
    assertThat(fetched.getVectorsMap()).containsOnlyKeys("a", "c");
    assertThat(fetched.getVectorsMap().get("a").getSparseValues().getValuesList()).containsExactly(1f, 2f);

    var stats = index.describeIndexStats();
    assertThat(stats.getDimension()).isEqualTo(4);
    assertThat(stats.getMetric()).isEqualTo("dotproduct");
    assertThat(stats.getTotalVectorCount()).isEqualTo(4);
    assertThat(stats.getNamespacesMap().get("ns1").getVectorCount()).isEqualTo(3);
  }

  @Test
  void updatesByIdAndByFilterAndDeletesByIdsFilterAndAll() {
    index.upsert(List.of(v("a", List.of(1f, 0f, 0f, 0f), "{\"g\":1,\"keep\":\"x\"}", null, null),
        v("b", List.of(0f, 1f, 0f, 0f), "{\"g\":1}", null, null), v("c", List.of(0f, 0f, 1f, 0f), "{\"g\":2}", null, null)), "ns");
    index.update("a", List.of(0f, 0f, 0f, 1f), meta("{\"g\":5}"), "ns", null, null);
    var a = index.fetch(List.of("a"), "ns").getVectorsMap().get("a");
    assertThat(a.getValuesList()).containsExactly(0f, 0f, 0f, 1f);
    assertThat(a.getMetadata().getFieldsMap()).containsKeys("g", "keep");
    assertThat(a.getMetadata().getFieldsMap().get("g").getNumberValue()).isEqualTo(5);

    var byFilter = index.updateByMetadata(meta("{\"g\":{\"$lt\":3}}"), meta("{\"old\":true}"), "ns");
    assertThat(byFilter.getMatchedRecords()).isEqualTo(2);
    assertThat(index.fetch(List.of("b", "c"), "ns").getVectorsMap().values()).allMatch(x -> x.getMetadata().getFieldsMap().containsKey("old"));
    var dry = index.updateByMetadata(meta("{\"g\":5}"), meta("{\"old\":true}"), "ns", true);
    assertThat(dry.getMatchedRecords()).isEqualTo(1);
    assertThat(index.fetch(List.of("a"), "ns").getVectorsMap().get("a").getMetadata().getFieldsMap()).doesNotContainKey("old");

    index.deleteByFilter(meta("{\"g\":2}"), "ns");
    assertThat(index.fetch(List.of("a", "b", "c"), "ns").getVectorsMap()).containsOnlyKeys("a", "b");
    index.deleteByIds(List.of("a"), "ns");
    assertThat(index.fetch(List.of("a", "b", "c"), "ns").getVectorsMap()).containsOnlyKeys("b");
    index.deleteAll("ns");
    assertThat(index.describeIndexStats().getNamespacesMap()).doesNotContainKey("ns");
  }

  @Test
  void listsIdsByPrefixAndFetchesByMetadataPageByPage() {
    var vectors = new ArrayList<VectorWithUnsignedIndices>();
    for (int i = 0; i < 250; i++) vectors.add(v(String.format("doc%03d#%d", i, i % 2), List.of(1f, 0f, 0f, 0f), "{\"odd\":" + (i % 2 == 1) + "}", null, null));
    vectors.add(v("other", List.of(1f, 0f, 0f, 0f), null, null, null));
    index.upsert(vectors, "ns");
    var ids = new ArrayList<String>();
    String token = null;
    do {
      var page = token == null ? index.list("ns", "doc", 100) : index.list("ns", "doc", token, 100);
      page.getVectorsList().forEach(item -> ids.add(item.getId()));
      token = page.hasPagination() && !page.getPagination().getNext().isEmpty() ? page.getPagination().getNext() : null;
    } while (token != null);
    assertThat(ids).hasSize(250).startsWith("doc000#0").endsWith("doc249#1").isSorted();

    var odd = new ArrayList<String>();
    String next = null;
    do {
      var r = index.fetchByMetadata("ns", meta("{\"odd\":true}"), 40, next);
      odd.addAll(r.getVectorsMap().keySet());
      next = r.hasPagination() && !r.getPagination().getNext().isEmpty() ? r.getPagination().getNext() : null;
    } while (next != null);
    assertThat(odd).hasSize(125).allMatch(id -> id.endsWith("#1"));
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() {
    index.upsert(List.of(v("a", List.of(1f, 0f, 0f, 0f), "{\"x\":1}", null, null)), "ns");
    // one bad vector fails the whole request
    assertThatThrownBy(() -> index.upsert(List.of(v("b", List.of(1f, 0f, 0f, 0f), null, null, null), v("c", List.of(1f, 0f), null, null, null)), "ns"))
        .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("dimension 2");
    assertThat(index.fetch(List.of("b"), "ns").getVectorsMap()).isEmpty();
    String big = "x".repeat(41 * 1024);
    assertThatThrownBy(() -> index.upsert(List.of(v("d", List.of(1f, 0f, 0f, 0f), "{\"big\":\"" + big + "\"}", null, null)), "ns"))
        .hasMessageContaining("exceeds the limit of 40960 bytes");
    assertThatThrownBy(() -> index.query(3, List.of(1f, 0f, 0f, 0f), null, null, null, "ns", meta("{\"x\":{\"$regex\":\"1\"}}"), false, false))
        .hasMessageContaining("INVALID_ARGUMENT");
    assertThatThrownBy(() -> index.query(3, List.of(1f, 0f, 0f), null, null, null, "ns", null, false, false)).hasMessageContaining("INVALID_ARGUMENT");
    assertThatThrownBy(() -> index.query(1001, List.of(1f, 0f, 0f, 0f), null, null, null, "ns", null, false, true)).hasMessageContaining("top_k");
    assertThatThrownBy(() -> index.upsert(List.of(v("e", List.of(1f, 0f, 0f, 0f), null, List.of(1L, 1L), List.of(1f, 2f))), "ns"))
        .hasMessageContaining("unique");
    var sparseOnCosine = control.createServerlessIndex(name + "-cos", "cosine", 4, "aws", "us-east-1", "disabled", Map.of());
    var cosine = open(KEY, sparseOnCosine.getHost());
    assertThatThrownBy(() -> cosine.upsert(List.of(v("s", List.of(1f, 0f, 0f, 0f), null, List.of(1L), List.of(1f))), "ns"))
        .hasMessageContaining("dotproduct");
    cosine.close();
    assertThat(index.describeIndexStats().getTotalVectorCount()).isEqualTo(1);
  }

  @Test
  void theApiKeyIsChecked() {
    var intruder = open("wrong", server.host(name));
    assertThatThrownBy(intruder::describeIndexStats).isInstanceOf(StatusRuntimeException.class).hasMessageContaining("UNAUTHENTICATED");
    intruder.close();
  }

  @Test
  void injectedFaultsFailOneCall() {
    server.faults(name).failAfter("upsert", 1);
    index.upsert(List.of(v("a", List.of(1f, 0f, 0f, 0f), null, null, null)), "ns");
    assertThatThrownBy(() -> index.upsert(List.of(v("b", List.of(1f, 0f, 0f, 0f), null, null, null)), "ns")).hasMessageContaining("UNAVAILABLE");
    index.upsert(List.of(v("b", List.of(1f, 0f, 0f, 0f), null, null, null)), "ns");
    assertThat(index.fetch(List.of("a", "b"), "ns").getVectorsMap()).hasSize(2);
  }
}
