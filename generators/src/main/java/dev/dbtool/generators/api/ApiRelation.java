package dev.dbtool.generators.api;

import java.util.List;

/**
 * A relation field resolved through a DataLoader.
 *
 * @param localFields  the fields of this type whose values are the loader key (several for a composite foreign key)
 * @param remoteFields the target's fields matched against the key, in the same order (for MANY_TO_MANY: the target's id)
 * @param joinTable    the qualified join table (MANY_TO_MANY only), with the join columns for this side and the other
 */
public record ApiRelation(String name, String target, Kind kind, List<String> localFields, List<String> remoteFields, boolean nullable,
                          String joinTable, String joinLocalColumn, String joinRemoteColumn, String documentation) {
    public enum Kind { TO_ONE_OWNER, TO_ONE_BACK, TO_MANY_BACK, MANY_TO_MANY }

    public ApiRelation {
        localFields = List.copyOf(localFields);
        remoteFields = List.copyOf(remoteFields);
    }

    ApiRelation withTarget(String newTarget) {
        return new ApiRelation(name, newTarget, kind, localFields, remoteFields, nullable, joinTable, joinLocalColumn, joinRemoteColumn, documentation);
    }

    public boolean many() { return kind == Kind.TO_MANY_BACK || kind == Kind.MANY_TO_MANY; }

    /** Over a foreign key of several columns: the key is the list of their values. */
    public boolean composite() { return localFields.size() > 1; }

    /** The one local field of a single-column relation. */
    public String localField() {
        if (composite()) throw new IllegalStateException(name + " is a composite relation");
        return localFields.get(0);
    }

    /** The one remote field of a single-column relation. */
    public String remoteField() {
        if (composite()) throw new IllegalStateException(name + " is a composite relation");
        return remoteFields.get(0);
    }

    /**
     * The DataLoader's name. Loaders that fetch the same rows the same way share one name (and so one batch per
     * level): every relation to User by id uses {@code User.id}, every to-many by Post.authorId {@code Post.authorId[]}.
     */
    public String loaderName(String type) {
        String remote = String.join("+", remoteFields);
        return switch (kind) {
            case TO_ONE_OWNER, TO_ONE_BACK -> target + "." + remote;
            case TO_MANY_BACK -> target + "." + remote + "[]";
            case MANY_TO_MANY -> type + "." + name;
        };
    }
}
