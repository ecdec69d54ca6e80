package cn.carbonmarket.allocation.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A period's compliance table as the ministry publishes it: every entity's standing, totals per region and status,
 * and the compliance rate as the share of entities compliant and the share of obligated tonnes surrendered (an
 * entity's surplus does not make up for another's shortfall). Rates have four decimals, half up; null without
 * obligations.
 */
public record ComplianceTable(String periodId, LocalDate asOf, LocalDate deadline95, LocalDate deadline100,
                              String region, List<Standing> entities, List<Total> totals, long entityCount,
                              long compliantEntities, long obligationTonnes, long surrenderedTonnes,
                              long missingTonnes, BigDecimal entityComplianceRate,
                              BigDecimal tonnesComplianceRate) {

    /** Entities and tonnes of one region in one status. */
    public record Total(String region, ComplianceStatus status, long entities, long obligationTonnes,
                        long surrenderedTonnes, long missingTonnes) {
    }

    static ComplianceTable of(PeriodRow period, LocalDate asOf, String region, List<Standing> entities) {
        Map<String, Total> totals = new TreeMap<>();
        for (Standing s : entities) {
            totals.merge(s.region() + "/" + s.status().ordinal(), new Total(s.region(), s.status(), 1,
                    s.obligationTonnes(), s.surrenderedTonnes(), s.missingTonnes()), (a, b) -> new Total(a.region(),
                    a.status(), a.entities() + b.entities(), a.obligationTonnes() + b.obligationTonnes(),
                    a.surrenderedTonnes() + b.surrenderedTonnes(), a.missingTonnes() + b.missingTonnes()));
        }
        long compliant = entities.stream().filter(s -> s.status() == ComplianceStatus.COMPLIANT).count();
        long obligation = entities.stream().mapToLong(Standing::obligationTonnes).sum();
        long surrendered = entities.stream().mapToLong(Standing::surrenderedTonnes).sum();
        long covered = entities.stream().mapToLong(s -> Math.min(s.surrenderedTonnes(), s.obligationTonnes())).sum();
        long missing = entities.stream().mapToLong(Standing::missingTonnes).sum();
        return new ComplianceTable(period.periodId(), asOf, period.deadline95(), period.deadline100(), region,
                entities, List.copyOf(totals.values()), entities.size(), compliant, obligation, surrendered, missing,
                rate(compliant, entities.size()), rate(covered, obligation));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
