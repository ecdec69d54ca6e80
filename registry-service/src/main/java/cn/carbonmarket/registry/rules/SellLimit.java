package cn.carbonmarket.registry.rules;

import java.math.BigDecimal;

/**
 * A jurisdiction's limit on selling free allocation: an entity keeps at least {@code retainShareBasisPoints} of the
 * free allocation of an instrument it received (Chongqing: it sells at most half). Only units in trading can be
 * sold, so the limit is judged when units move into trading: afterwards, what the entity still has available plus
 * what it surrendered of the instrument must cover the retained share.
 */
public record SellLimit(int retainShareBasisPoints, String source, boolean confirmed) {

    public SellLimit {
        if (retainShareBasisPoints < 0 || retainShareBasisPoints > 10_000) {
            throw new IllegalArgumentException("a retained share is 0..10000 basis points, not " + retainShareBasisPoints);
        }
    }

    /** The retained share as a percentage, e.g. "50%". */
    public String share() {
        return BigDecimal.valueOf(retainShareBasisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }

    /** The tonnes of {@code freeAllocation} to keep: the share, rounded up (a part of a tonne is kept whole). */
    public long retained(long freeAllocation) {
        long product = Math.multiplyExact(Math.max(0, freeAllocation), (long) retainShareBasisPoints);
        return Math.floorDiv(product + 9_999, 10_000);
    }

    /**
     * The most that may move into trading now, given what is available and what was surrendered: never more than is
     * available, never below zero.
     */
    public long mostMovable(long freeAllocation, long available, long surrendered) {
        long keepAvailable = Math.max(0, retained(freeAllocation) - surrendered);
        return Math.max(0, available - keepAvailable);
    }
}
