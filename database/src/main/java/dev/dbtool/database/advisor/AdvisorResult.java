package dev.dbtool.database.advisor;

import dev.dbtool.generators.advisor.AnalyzedStatement;
import dev.dbtool.generators.advisor.Recommendation;
import dev.dbtool.generators.advisor.WorkloadStatement;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code dbtool optimize} reports: the workload and what was understood of it, each statement's plan cost
 * now and with the recommended set, the recommendations, the existing-index findings, notes.
 */
public record AdvisorResult(WhatIf.Mode mode, String costLabel, List<WorkloadStatement> workload, List<AnalyzedStatement> analyzed, double[] costBefore,
                            Map<Integer, Double> costAfter, int candidates, List<Recommendation> recommendations, List<HealthFinding> health,
                            List<String> notes, long elapsedMs) {}
