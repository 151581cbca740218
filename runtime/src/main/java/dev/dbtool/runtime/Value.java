package dev.dbtool.runtime;

import java.util.Objects;
import java.util.function.Function;

/**
 * One field of an update: absent (leave the column alone) or present with a value, which may be null (set the
 * column to NULL). Plain {@code null} cannot tell those two apart.
 */
public final class Value<T> {
    private static final Value<?> ABSENT = new Value<>(false, null);
    private final boolean present;
    private final T value;

    private Value(boolean present, T value) {
        this.present = present;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Value<T> absent() { return (Value<T>) ABSENT; }

    public static <T> Value<T> of(T value) { return new Value<>(true, value); }

    public boolean isPresent() { return present; }

    /** The value; only meaningful when {@link #isPresent()}. */
    public T get() { return value; }

    public <R> Value<R> map(Function<? super T, ? extends R> f) {
        return present ? Value.of(value == null ? null : f.apply(value)) : absent();
    }

    @Override public boolean equals(Object o) {
        return o instanceof Value<?> v && v.present == present && Objects.equals(v.value, value);
    }

    @Override public int hashCode() { return Objects.hash(present, value); }

    @Override public String toString() { return present ? "Value[" + value + "]" : "Value.absent"; }
}
