package dev.dbtool.generators.advisor;

import java.util.Map;

/** A candidate after what-if costing: its estimated size and each helped statement's plan cost with it. */
public record CostedCandidate(IndexCandidate candidate, long sizeBytes, Map<Integer, Double> costWith) {}
