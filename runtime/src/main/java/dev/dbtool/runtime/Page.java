package dev.dbtool.runtime;

import java.util.List;

/** One page of a list query: the GraphQL connection type's shape (edges, pageInfo, totalCount). */
public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {
    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    public List<T> nodes() { return edges.stream().map(Edge::node).toList(); }
}
