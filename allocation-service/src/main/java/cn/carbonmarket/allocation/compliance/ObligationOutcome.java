package cn.carbonmarket.allocation.compliance;

import java.util.List;

/**
 * What setting a period's obligations did: the run whose allocation they count, how many entities got a new
 * version, every obligation of the period, and the entities still lacking verified emissions for some year.
 */
public record ObligationOutcome(String periodId, String runId, int changed, List<ObligationView> obligations,
                                List<NotObligated> notObligated) {
}
