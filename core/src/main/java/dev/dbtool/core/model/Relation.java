package dev.dbtool.core.model;

/**
 * A resolved relation between two models. For 1:1 and 1:n, {@code owner} holds the foreign key and
 * {@code back} is the opposite field; for an implicit m:n both are lists and {@code joinTable} is {@code _AToB}.
 */
public record Relation(String name, Kind kind, String ownerModel, RelationField owner, String backModel, RelationField back,
                       String joinTable) {
    public enum Kind { ONE_TO_ONE, ONE_TO_MANY, IMPLICIT_MANY_TO_MANY }
}
