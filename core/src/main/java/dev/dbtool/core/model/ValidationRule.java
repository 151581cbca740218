package dev.dbtool.core.model;

/** One rule of {@code @validate(…)}: checked before every write by the generated code. */
public sealed interface ValidationRule {
    record Email() implements ValidationRule {}

    record Url() implements ValidationRule {}

    record Uuid() implements ValidationRule {}

    record MinLength(int value) implements ValidationRule {}

    record MaxLength(int value) implements ValidationRule {}

    record Min(java.math.BigDecimal value) implements ValidationRule {}

    record Max(java.math.BigDecimal value) implements ValidationRule {}

    record Pattern(String regex) implements ValidationRule {}
}
