package cn.carbonmarket.registry.migration;

import java.util.UUID;

/** A job's status change by an instance that no longer holds the job (taken over, or the job ended already). */
class LeaseLostException extends IllegalStateException {

    LeaseLostException(UUID job, JobLease holder, JobStatus status) {
        super("migration job " + job + " is no longer " + holder.owner() + "'s (epoch " + holder.epoch() + "): it"
                + " was not marked " + status);
    }
}
