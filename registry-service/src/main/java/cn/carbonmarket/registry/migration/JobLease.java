package cn.carbonmarket.registry.migration;

/**
 * Who runs an import job, and under which claim of it (the epoch grows with every claim): each change of the job's
 * status names both, so an instance that lost the job to another cannot move it any more.
 */
record JobLease(String owner, long epoch) {
}
