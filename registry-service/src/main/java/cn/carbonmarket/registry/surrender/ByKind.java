package cn.carbonmarket.registry.surrender;

/** Tonnes per kind of surrendered unit: what was surrendered, what a surrender adds, or what may still be. */
public record ByKind(long allowances, long borrowed, long offsets) {

    public static final ByKind NONE = new ByKind(0, 0, 0);

    public static ByKind of(SurrenderKind kind, long tonnes) {
        return switch (kind) {
            case ALLOWANCE -> new ByKind(tonnes, 0, 0);
            case BORROWED -> new ByKind(0, tonnes, 0);
            case OFFSET -> new ByKind(0, 0, tonnes);
        };
    }

    public long total() {
        return Math.addExact(Math.addExact(allowances, borrowed), offsets);
    }

    public ByKind plus(ByKind other) {
        return new ByKind(Math.addExact(allowances, other.allowances), Math.addExact(borrowed, other.borrowed),
                Math.addExact(offsets, other.offsets));
    }

    @Override
    public String toString() {
        return "allowances " + allowances + " t, borrowed allowances " + borrowed + " t, offsets " + offsets + " t";
    }
}
