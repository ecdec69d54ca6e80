package cn.carbonmarket.registry.migration;

import cn.carbonmarket.registry.migration.export.Pilot;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import job as the API shows it; {@code report} is there once the job is COMMITTED or FAILED. While it is QUEUED
 * or RUNNING, {@code owner} is the instance that runs it and {@code leaseExpiresAt} when another may take it over;
 * {@code leaseLapsed} says the owner stopped renewing it (an instance that can read the upload resumes it).
 */
public record MigrationJob(UUID id, Pilot pilot, JobStatus status, List<String> files, String uploadSha256,
                           String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt,
                           RowCounters counters, MigrationReport report, String owner, Instant leaseExpiresAt,
                           boolean leaseLapsed) {

    MigrationJob withCounters(RowCounters live) {
        return new MigrationJob(id, pilot, status, files, uploadSha256, requestedBy, requestedAt, startedAt,
                finishedAt, live, report, owner, leaseExpiresAt, leaseLapsed);
    }
}
