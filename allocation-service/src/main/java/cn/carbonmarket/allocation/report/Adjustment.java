package cn.carbonmarket.allocation.report;

import java.time.Instant;

/** A figure the verifier changed, with its reason; {@code afterConclusion} once the verifier had concluded. */
public record Adjustment(String field, String oldValue, String newValue, String reason, String adjustedBy,
                         Instant adjustedAt, boolean afterConclusion) {
}
