package dev.luna.emulators.pinecone;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.pinecone.proto.SparseValues;
import io.pinecone.proto.Vector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One index of the stand-in: its dimension and metric, and per namespace the vectors sorted by id. Every operation
 * takes the index lock, so each request is applied at once (Pinecone itself is only eventually consistent: a real
 * index may answer a query from before a write that already returned).
 */
final class PineconeIndex {
  /** Metadata limit of real Pinecone, per vector, measured as JSON. */
  static final int MAX_METADATA_BYTES = 40 * 1024;
  static final int MAX_ID_CHARS = 512;

  final String name;
  final int dimension;
  final String metric;
  final String cloud;
  final String region;
  final Map<String, String> tags;
  private final Map<String, TreeMap<String, Vector>> namespaces = new ConcurrentHashMap<>();

  PineconeIndex(String name, int dimension, String metric, String cloud, String region, Map<String, String> tags) {
    this.name = name;
    this.dimension = dimension;
    this.metric = metric;
    this.cloud = cloud;
    this.region = region;
    this.tags = tags;
  }

  record Scored(Vector vector, float score) {
  }

  /** Checks every vector first, then writes them all (a bad vector fails the whole request, as in Pinecone). */
  synchronized int upsert(String namespace, List<Vector> vectors) {
    for (Vector v : vectors) validate(v);
    var ns = namespaces.computeIfAbsent(namespace, n -> new TreeMap<>());
    for (Vector v : vectors) ns.put(v.getId(), v);
    return vectors.size();
  }

  void validate(Vector v) {
    if (v.getId().isEmpty()) throw new BadRequest("Vector ID must not be empty");
    if (v.getId().length() > MAX_ID_CHARS) throw new BadRequest("Vector ID must be at most " + MAX_ID_CHARS + " characters");
    if (v.getValuesCount() != dimension) {
      throw new BadRequest("Vector dimension " + v.getValuesCount() + " does not match the dimension of the index " + dimension);
    }
    boolean nonZero = false;
    for (float f : v.getValuesList()) {
      if (Float.isNaN(f) || Float.isInfinite(f)) throw new BadRequest("Vector " + v.getId() + " has a value that is not a finite number");
      if (f != 0f) nonZero = true;
    }
    if (!nonZero && !"dotproduct".equals(metric)) throw new BadRequest("Dense vectors must contain at least one non-zero value");
    if (v.hasSparseValues()) {
      if (v.getSparseValues().getIndicesCount() == 0) throw new BadRequest("Sparse vector of " + v.getId() + " must have at least one value");
      validateSparse(v.getSparseValues());
    }
    if (v.hasMetadata()) {
      int size = Structs.json(v.getMetadata()).getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_METADATA_BYTES) {
        throw new BadRequest("Metadata size is " + size + " bytes, which exceeds the limit of " + MAX_METADATA_BYTES + " bytes per vector");
      }
    }
  }

  void validateSparse(SparseValues s) {
    if ("dotproduct".equals(metric) == false) throw new BadRequest("Sparse values are supported only for indexes with the dotproduct metric");
    if (s.getIndicesCount() != s.getValuesCount()) throw new BadRequest("Sparse vector indices and values must have the same length");
    if (s.getIndicesCount() > 1000) throw new BadRequest("Sparse vectors may have at most 1000 non-zero values");
    var seen = new java.util.HashSet<Integer>();
    for (int i : s.getIndicesList()) if (!seen.add(i)) throw new BadRequest("Sparse vector indices must be unique");
  }

  synchronized List<Scored> query(String namespace, List<Float> dense, SparseValues sparse, MetadataFilter filter, int topK) {
    var ns = namespaces.get(namespace);
    if (ns == null) return List.of();
    float[] q = new float[dense.size()];
    for (int i = 0; i < q.length; i++) q[i] = dense.get(i);
    Map<Integer, Float> sq = new java.util.HashMap<>();
    if (sparse != null) for (int i = 0; i < sparse.getIndicesCount(); i++) sq.put(sparse.getIndices(i), sparse.getValues(i));
    var out = new ArrayList<Scored>();
    for (Vector v : ns.values()) {
      if (!filter.matches(v.getMetadata())) continue;
      out.add(new Scored(v, score(q, sq, v)));
    }
    Comparator<Scored> order = "euclidean".equals(metric)
        ? Comparator.comparingDouble(Scored::score)
        : Comparator.comparingDouble(Scored::score).reversed();
    out.sort(order.thenComparing(s -> s.vector().getId()));
    return out.size() > topK ? new ArrayList<>(out.subList(0, topK)) : out;
  }

  private float score(float[] q, Map<Integer, Float> sq, Vector v) {
    double dot = 0, qq = 0, vv = 0, dist = 0;
    for (int i = 0; i < q.length; i++) {
      float x = v.getValues(i);
      dot += q[i] * x;
      qq += q[i] * q[i];
      vv += x * x;
      dist += (q[i] - x) * (q[i] - x);
    }
    double s = switch (metric) {
      case "cosine" -> qq == 0 || vv == 0 ? 0 : dot / Math.sqrt(qq * vv);
      case "euclidean" -> dist;
      default -> dot;
    };
    if (!sq.isEmpty() && v.hasSparseValues()) {
      var sv = v.getSparseValues();
      for (int i = 0; i < sv.getIndicesCount(); i++) {
        Float w = sq.get(sv.getIndices(i));
        if (w != null) s += w * sv.getValues(i);
      }
    }
    return (float) s;
  }

  synchronized Vector get(String namespace, String id) {
    var ns = namespaces.get(namespace);
    return ns == null ? null : ns.get(id);
  }

  synchronized Map<String, Vector> fetch(String namespace, List<String> ids) {
    var out = new java.util.LinkedHashMap<String, Vector>();
    var ns = namespaces.get(namespace);
    if (ns == null) return out;
    for (String id : ids) {
      Vector v = ns.get(id);
      if (v != null) out.put(id, v);
    }
    return out;
  }

  /** Vectors matching a filter, in id order, starting after {@code afterId}, at most {@code limit}. */
  synchronized List<Vector> select(String namespace, MetadataFilter filter, String afterId, int limit) {
    var ns = namespaces.get(namespace);
    if (ns == null) return List.of();
    var out = new ArrayList<Vector>();
    var tail = afterId == null ? ns : ns.tailMap(afterId, false);
    for (Vector v : tail.values()) {
      if (!filter.matches(v.getMetadata())) continue;
      out.add(v);
      if (out.size() == limit) break;
    }
    return out;
  }

  /** Ids with a prefix, in order, after {@code afterId}, at most {@code limit}. */
  synchronized List<String> list(String namespace, String prefix, String afterId, int limit) {
    var ns = namespaces.get(namespace);
    if (ns == null) return List.of();
    var out = new ArrayList<String>();
    var from = afterId != null && afterId.compareTo(prefix) >= 0 ? ns.tailMap(afterId, false) : ns.tailMap(prefix, true);
    for (String id : from.keySet()) {
      if (!id.startsWith(prefix)) break;
      out.add(id);
      if (out.size() == limit) break;
    }
    return out;
  }

  synchronized int deleteIds(String namespace, List<String> ids) {
    var ns = namespaces.get(namespace);
    if (ns == null) return 0;
    int n = 0;
    for (String id : ids) if (ns.remove(id) != null) n++;
    return n;
  }

  synchronized int deleteWhere(String namespace, MetadataFilter filter) {
    var ns = namespaces.get(namespace);
    if (ns == null) return 0;
    int before = ns.size();
    ns.values().removeIf(v -> filter.matches(v.getMetadata()));
    return before - ns.size();
  }

  synchronized boolean deleteNamespace(String namespace) {
    return namespaces.remove(namespace) != null;
  }

  /** Updates one vector: new values, sparse values and/or metadata fields merged in. False when it does not exist. */
  synchronized boolean update(String namespace, String id, List<Float> values, SparseValues sparse, Struct setMetadata) {
    var ns = namespaces.get(namespace);
    Vector v = ns == null ? null : ns.get(id);
    if (v == null) return false;
    Vector updated = merged(v, values, sparse, setMetadata);
    validate(updated);
    ns.put(id, updated);
    return true;
  }

  /** Merges metadata into every vector matching the filter; the count of matches. */
  synchronized int updateWhere(String namespace, MetadataFilter filter, Struct setMetadata, boolean dryRun) {
    var ns = namespaces.get(namespace);
    if (ns == null) return 0;
    var matched = new ArrayList<Vector>();
    for (Vector v : ns.values()) if (filter.matches(v.getMetadata())) matched.add(v);
    if (!dryRun) {
      var updated = new ArrayList<Vector>();
      for (Vector v : matched) {
        Vector u = merged(v, List.of(), null, setMetadata);
        validate(u);
        updated.add(u);
      }
      for (Vector u : updated) ns.put(u.getId(), u);
    }
    return matched.size();
  }

  private static Vector merged(Vector v, List<Float> values, SparseValues sparse, Struct setMetadata) {
    var b = v.toBuilder();
    if (!values.isEmpty()) b.clearValues().addAllValues(values);
    if (sparse != null) b.setSparseValues(sparse);
    if (setMetadata != null && setMetadata.getFieldsCount() > 0) {
      var m = v.getMetadata().toBuilder();
      for (Map.Entry<String, Value> e : setMetadata.getFieldsMap().entrySet()) m.putFields(e.getKey(), e.getValue());
      b.setMetadata(m.build());
    }
    return b.build();
  }

  synchronized Map<String, Integer> namespaceCounts() {
    var out = new TreeMap<String, Integer>();
    for (var e : namespaces.entrySet()) if (!e.getValue().isEmpty()) out.put(e.getKey(), e.getValue().size());
    return out;
  }

  synchronized int count(String namespace, MetadataFilter filter) {
    var ns = namespaces.get(namespace);
    if (ns == null) return 0;
    int n = 0;
    for (Vector v : ns.values()) if (filter.matches(v.getMetadata())) n++;
    return n;
  }

  /** A request the index refuses (INVALID_ARGUMENT). */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
