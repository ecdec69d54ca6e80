package cn.carbonmarket.registry.surrender;

/**
 * Tonnes per kind of surrendered unit: what was surrendered, what a surrender adds, or what may still be.
 * {@code nonLocalOffsets} are part of {@code offsets}: those from outside the period's local region (or of unrecorded
 * origin), which a pilot period accepts only up to a share of its offset limit.
 */
public record ByKind(long allowances, long borrowed, long offsets, long nonLocalOffsets) {

    public static final ByKind NONE = new ByKind(0, 0, 0, 0);

    public static ByKind of(SurrenderKind kind, long tonnes) {
        return switch (kind) {
            case ALLOWANCE -> new ByKind(tonnes, 0, 0, 0);
            case BORROWED -> new ByKind(0, tonnes, 0, 0);
            case OFFSET -> new ByKind(0, 0, tonnes, 0);
            case NON_LOCAL_OFFSET -> new ByKind(0, 0, tonnes, tonnes);
        };
    }

    /** Every tonne once: non-local offsets are counted among the offsets. */
    public long total() {
        return Math.addExact(Math.addExact(allowances, borrowed), offsets);
    }

    public ByKind plus(ByKind other) {
        return new ByKind(Math.addExact(allowances, other.allowances), Math.addExact(borrowed, other.borrowed),
                Math.addExact(offsets, other.offsets), Math.addExact(nonLocalOffsets, other.nonLocalOffsets));
    }

    @Override
    public String toString() {
        return "allowances " + allowances + " t, borrowed allowances " + borrowed + " t, offsets " + offsets
                + " t, non-local offsets " + nonLocalOffsets + " t";
    }
}
