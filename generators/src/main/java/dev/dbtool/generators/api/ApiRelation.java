package dev.dbtool.generators.api;

/**
 * A relation field resolved through a DataLoader.
 *
 * @param localField  the field of this type whose value is the loader key
 * @param remoteField the target's field matched against the key (for MANY_TO_MANY: the target's id)
 * @param joinTable   the qualified join table (MANY_TO_MANY only), with the join columns for this side and the other
 */
public record ApiRelation(String name, String target, Kind kind, String localField, String remoteField, boolean nullable,
                          String joinTable, String joinLocalColumn, String joinRemoteColumn, String documentation) {
    public enum Kind { TO_ONE_OWNER, TO_ONE_BACK, TO_MANY_BACK, MANY_TO_MANY }

    public boolean many() { return kind == Kind.TO_MANY_BACK || kind == Kind.MANY_TO_MANY; }

    /**
     * The DataLoader's name. Loaders that fetch the same rows the same way share one name (and so one batch per
     * level): every relation to User by id uses {@code User.id}, every to-many by Post.authorId {@code Post.authorId[]}.
     */
    public String loaderName(String type) {
        return switch (kind) {
            case TO_ONE_OWNER, TO_ONE_BACK -> target + "." + remoteField;
            case TO_MANY_BACK -> target + "." + remoteField + "[]";
            case MANY_TO_MANY -> type + "." + name;
        };
    }
}
