package dev.luna.emulators.pinecone;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.pinecone.proto.DeleteNamespaceRequest;
import io.pinecone.proto.DeleteRequest;
import io.pinecone.proto.DeleteResponse;
import io.pinecone.proto.DescribeIndexStatsRequest;
import io.pinecone.proto.DescribeIndexStatsResponse;
import io.pinecone.proto.DescribeNamespaceRequest;
import io.pinecone.proto.FetchByMetadataRequest;
import io.pinecone.proto.FetchByMetadataResponse;
import io.pinecone.proto.FetchRequest;
import io.pinecone.proto.FetchResponse;
import io.pinecone.proto.ListItem;
import io.pinecone.proto.ListNamespacesRequest;
import io.pinecone.proto.ListNamespacesResponse;
import io.pinecone.proto.ListRequest;
import io.pinecone.proto.ListResponse;
import io.pinecone.proto.NamespaceDescription;
import io.pinecone.proto.NamespaceSummary;
import io.pinecone.proto.Pagination;
import io.pinecone.proto.QueryRequest;
import io.pinecone.proto.QueryResponse;
import io.pinecone.proto.ScoredVector;
import io.pinecone.proto.UpdateRequest;
import io.pinecone.proto.UpdateResponse;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.UpsertResponse;
import io.pinecone.proto.Usage;
import io.pinecone.proto.Vector;
import io.pinecone.proto.VectorServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Pinecone's data plane ({@code VectorService}, the client's own generated gRPC service) over one {@link PineconeIndex}:
 * Upsert, Query (dense, sparse or both; by vector or by id; metadata filter), Fetch, FetchByMetadata, Delete (ids,
 * deleteAll or filter), Update (by id, or metadata by filter), DescribeIndexStats, List (id prefix, pagination),
 * ListNamespaces, DescribeNamespace and DeleteNamespace. CreateNamespace answers UNIMPLEMENTED.
 */
final class VectorService extends VectorServiceGrpc.VectorServiceImplBase {
  static final int MAX_UPSERT = 1000;
  static final int MAX_TOP_K = 10_000;
  static final int MAX_TOP_K_WITH_DATA = 1000;
  static final int MAX_FETCH = 1000;
  private final PineconeIndex index;
  private final Faults faults;

  VectorService(PineconeIndex index, Faults faults) {
    this.index = index;
    this.faults = faults;
  }

  private <T> void answer(String method, StreamObserver<T> out, Supplier<T> body) {
    T result;
    try {
      faults.check(method);
      result = body.get();
    } catch (PineconeIndex.BadRequest | MetadataFilter.InvalidFilter e) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (NotFound e) {
      out.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (Faults.Injected e) {
      out.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (RuntimeException e) {
      out.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
      return;
    }
    out.onNext(result);
    out.onCompleted();
  }

  private static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  @Override
  public void upsert(UpsertRequest r, StreamObserver<UpsertResponse> out) {
    answer("upsert", out, () -> {
      if (r.getVectorsCount() == 0) throw new PineconeIndex.BadRequest("Upsert needs at least one vector");
      if (r.getVectorsCount() > MAX_UPSERT) throw new PineconeIndex.BadRequest("Upsert takes at most " + MAX_UPSERT + " vectors");
      int n = index.upsert(r.getNamespace(), r.getVectorsList());
      return UpsertResponse.newBuilder().setUpsertedCount(n).build();
    });
  }

  @Override
  public void query(QueryRequest r, StreamObserver<QueryResponse> out) {
    answer("query", out, () -> {
      if (r.getQueriesCount() > 0) throw new PineconeIndex.BadRequest("The queries parameter is no longer supported; send one vector");
      int topK = r.getTopK();
      if (topK < 1 || topK > MAX_TOP_K) throw new PineconeIndex.BadRequest("top_k must be between 1 and " + MAX_TOP_K);
      if ((r.getIncludeMetadata() || r.getIncludeValues()) && topK > MAX_TOP_K_WITH_DATA) {
        throw new PineconeIndex.BadRequest("top_k must be at most " + MAX_TOP_K_WITH_DATA + " when including values or metadata");
      }
      boolean byId = !r.getId().isEmpty();
      if (byId && r.getVectorCount() > 0) throw new PineconeIndex.BadRequest("Send either a vector or an id, not both");
      List<Float> dense;
      io.pinecone.proto.SparseValues sparse = r.hasSparseVector() ? r.getSparseVector() : null;
      if (byId) {
        Vector v = index.get(r.getNamespace(), r.getId());
        if (v == null) return QueryResponse.newBuilder().setNamespace(r.getNamespace()).build();
        dense = v.getValuesList();
        if (sparse == null && v.hasSparseValues()) sparse = v.getSparseValues();
      } else {
        if (r.getVectorCount() != index.dimension) {
          throw new PineconeIndex.BadRequest("Query vector dimension " + r.getVectorCount() + " does not match the dimension of the index " + index.dimension);
        }
        dense = r.getVectorList();
      }
      if (sparse != null) index.validateSparse(sparse);
      var filter = MetadataFilter.parse(r.hasFilter() ? r.getFilter() : null);
      var b = QueryResponse.newBuilder().setNamespace(r.getNamespace()).setUsage(Usage.newBuilder().setReadUnits(1));
      for (var s : index.query(r.getNamespace(), dense, sparse, filter, topK)) {
        var sv = ScoredVector.newBuilder().setId(s.vector().getId()).setScore(s.score());
        if (r.getIncludeValues()) {
          sv.addAllValues(s.vector().getValuesList());
          if (s.vector().hasSparseValues()) sv.setSparseValues(s.vector().getSparseValues());
        }
        if (r.getIncludeMetadata() && s.vector().hasMetadata()) sv.setMetadata(s.vector().getMetadata());
        b.addMatches(sv);
      }
      return b.build();
    });
  }

  @Override
  public void fetch(FetchRequest r, StreamObserver<FetchResponse> out) {
    answer("fetch", out, () -> {
      if (r.getIdsCount() == 0) throw new PineconeIndex.BadRequest("Fetch needs at least one id");
      if (r.getIdsCount() > MAX_FETCH) throw new PineconeIndex.BadRequest("Fetch takes at most " + MAX_FETCH + " ids");
      return FetchResponse.newBuilder().setNamespace(r.getNamespace()).putAllVectors(index.fetch(r.getNamespace(), r.getIdsList()))
          .setUsage(Usage.newBuilder().setReadUnits(1)).build();
    });
  }

  @Override
  public void fetchByMetadata(FetchByMetadataRequest r, StreamObserver<FetchByMetadataResponse> out) {
    answer("fetchByMetadata", out, () -> {
      int limit = r.hasLimit() ? r.getLimit() : 100;
      if (limit < 1 || limit > MAX_TOP_K) throw new PineconeIndex.BadRequest("limit must be between 1 and " + MAX_TOP_K);
      var filter = MetadataFilter.parse(r.hasFilter() ? r.getFilter() : null);
      String after = r.hasPaginationToken() ? decodeToken(r.getPaginationToken()) : null;
      var page = index.select(r.getNamespace(), filter, after, limit + 1);
      var b = FetchByMetadataResponse.newBuilder().setNamespace(r.getNamespace()).setUsage(Usage.newBuilder().setReadUnits(1));
      for (int i = 0; i < Math.min(limit, page.size()); i++) b.putVectors(page.get(i).getId(), page.get(i));
      if (page.size() > limit) b.setPagination(Pagination.newBuilder().setNext(encodeToken(page.get(limit - 1).getId())));
      return b.build();
    });
  }

  @Override
  public void delete(DeleteRequest r, StreamObserver<DeleteResponse> out) {
    answer("delete", out, () -> {
      int modes = (r.getIdsCount() > 0 ? 1 : 0) + (r.getDeleteAll() ? 1 : 0) + (r.hasFilter() ? 1 : 0);
      if (modes != 1) throw new PineconeIndex.BadRequest("Delete needs exactly one of ids, delete_all or filter");
      if (r.getIdsCount() > MAX_UPSERT) throw new PineconeIndex.BadRequest("Delete takes at most " + MAX_UPSERT + " ids");
      if (r.getDeleteAll()) {
        index.deleteNamespace(r.getNamespace());
      } else if (r.hasFilter()) {
        if (r.getFilter().getFieldsCount() == 0) throw new PineconeIndex.BadRequest("The delete filter must not be empty");
        index.deleteWhere(r.getNamespace(), MetadataFilter.parse(r.getFilter()));
      } else {
        index.deleteIds(r.getNamespace(), r.getIdsList());
      }
      return DeleteResponse.getDefaultInstance();
    });
  }

  @Override
  public void update(UpdateRequest r, StreamObserver<UpdateResponse> out) {
    answer("update", out, () -> {
      boolean byId = !r.getId().isEmpty();
      if (byId == r.hasFilter()) throw new PineconeIndex.BadRequest("Update needs exactly one of id or filter");
      if (byId) {
        if (r.getValuesCount() > 0 && r.getValuesCount() != index.dimension) {
          throw new PineconeIndex.BadRequest("Vector dimension " + r.getValuesCount() + " does not match the dimension of the index " + index.dimension);
        }
        if (r.hasSparseValues()) index.validateSparse(r.getSparseValues());
        boolean found = index.update(r.getNamespace(), r.getId(), r.getValuesList(), r.hasSparseValues() ? r.getSparseValues() : null,
            r.hasSetMetadata() ? r.getSetMetadata() : null);
        return UpdateResponse.newBuilder().setMatchedRecords(found ? 1 : 0).build();
      }
      if (r.getValuesCount() > 0 || r.hasSparseValues()) throw new PineconeIndex.BadRequest("An update by filter can only set metadata");
      if (!r.hasSetMetadata() || r.getSetMetadata().getFieldsCount() == 0) throw new PineconeIndex.BadRequest("An update by filter needs set_metadata");
      int n = index.updateWhere(r.getNamespace(), MetadataFilter.parse(r.getFilter()), r.getSetMetadata(), r.hasDryRun() && r.getDryRun());
      return UpdateResponse.newBuilder().setMatchedRecords(n).build();
    });
  }

  @Override
  public void describeIndexStats(DescribeIndexStatsRequest r, StreamObserver<DescribeIndexStatsResponse> out) {
    answer("describeIndexStats", out, () -> {
      var filter = MetadataFilter.parse(r.hasFilter() ? r.getFilter() : null);
      var b = DescribeIndexStatsResponse.newBuilder().setDimension(index.dimension).setMetric(index.metric).setVectorType("dense");
      int total = 0;
      for (String ns : index.namespaceCounts().keySet()) {
        int n = index.count(ns, filter);
        if (n == 0) continue;
        b.putNamespaces(ns, NamespaceSummary.newBuilder().setVectorCount(n).build());
        total += n;
      }
      return b.setTotalVectorCount(total).build();
    });
  }

  @Override
  public void list(ListRequest r, StreamObserver<ListResponse> out) {
    answer("list", out, () -> {
      int limit = r.hasLimit() ? r.getLimit() : 100;
      if (limit < 1 || limit > 100) throw new PineconeIndex.BadRequest("limit must be between 1 and 100");
      String after = r.hasPaginationToken() ? decodeToken(r.getPaginationToken()) : null;
      var ids = index.list(r.getNamespace(), r.hasPrefix() ? r.getPrefix() : "", after, limit + 1);
      var b = ListResponse.newBuilder().setNamespace(r.getNamespace()).setUsage(Usage.newBuilder().setReadUnits(1));
      for (int i = 0; i < Math.min(limit, ids.size()); i++) b.addVectors(ListItem.newBuilder().setId(ids.get(i)));
      if (ids.size() > limit) b.setPagination(Pagination.newBuilder().setNext(encodeToken(ids.get(limit - 1))));
      return b.build();
    });
  }

  @Override
  public void listNamespaces(ListNamespacesRequest r, StreamObserver<ListNamespacesResponse> out) {
    answer("listNamespaces", out, () -> {
      var b = ListNamespacesResponse.newBuilder();
      for (var e : index.namespaceCounts().entrySet()) {
        b.addNamespaces(NamespaceDescription.newBuilder().setName(e.getKey()).setRecordCount(e.getValue()));
      }
      return b.build();
    });
  }

  @Override
  public void describeNamespace(DescribeNamespaceRequest r, StreamObserver<NamespaceDescription> out) {
    answer("describeNamespace", out, () -> {
      Integer n = index.namespaceCounts().get(r.getNamespace());
      if (n == null) throw new NotFound("Namespace " + r.getNamespace() + " not found");
      return NamespaceDescription.newBuilder().setName(r.getNamespace()).setRecordCount(n).build();
    });
  }

  @Override
  public void deleteNamespace(DeleteNamespaceRequest r, StreamObserver<DeleteResponse> out) {
    answer("deleteNamespace", out, () -> {
      if (!index.deleteNamespace(r.getNamespace())) throw new NotFound("Namespace " + r.getNamespace() + " not found");
      return DeleteResponse.getDefaultInstance();
    });
  }

  static String encodeToken(String lastId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
  }

  static String decodeToken(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new PineconeIndex.BadRequest("Invalid pagination token");
    }
  }
}
