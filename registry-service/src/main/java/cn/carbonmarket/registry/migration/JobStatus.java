package cn.carbonmarket.registry.migration;

/** Where an import job is: waiting for the import thread, reading and booking, or done one way or the other. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    /** Everything was booked, in one database transaction, and reconciles to the control totals. */
    COMMITTED,
    /** Nothing was booked; the report says why. */
    FAILED
}
