package cn.carbonmarket.allocation.run;

/** A run is computed as a DRAFT for review; the regulator's approval makes it APPROVED, once and for good. */
public enum RunStatus {
    DRAFT, APPROVED
}
