package cn.carbonmarket.allocation.reserve;

/** What a movement of the stability reserve does to it. */
public enum MovementKind {
    /** Units set aside at allocation (a share of a pre-allocation): in. */
    SET_ASIDE,
    /** Units taken in from an auction (withheld below the floor, or a containment release that did not sell): in. */
    INTAKE,
    /** Units released to an auction's supply above the trigger price: out. */
    RELEASE
}
