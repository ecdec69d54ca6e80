package cn.carbonmarket.registry.migration;

import cn.carbonmarket.registry.migration.export.ControlTotals;
import cn.carbonmarket.registry.migration.export.Pilot;
import java.util.List;
import java.util.UUID;

/**
 * What a job is to import: the pilot, its files in upload order, the totals to reconcile to, who asked, and the
 * lease it runs under.
 */
record JobOrder(UUID id, JobLease lease, Pilot pilot, List<String> files, ControlTotals control, String requestedBy) {
}
