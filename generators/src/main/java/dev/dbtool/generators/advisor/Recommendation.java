package dev.dbtool.generators.advisor;

import java.util.List;

/**
 * An index to create: the time it saves over the workload (Σ calls × mean time × relative cost saving), the write
 * cost it adds, and each statement it helps with the plan cost before and after.
 */
public record Recommendation(IndexCandidate index, long sizeBytes, double savedMs, double writePenaltyMs, List<Help> helps) {
    /** One statement the index speeds up. */
    public record Help(int statement, double costBefore, double costAfter, double savedMs) {}

    public double netMs() { return savedMs - writePenaltyMs; }
}
