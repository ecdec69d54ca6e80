package cn.carbonmarket.allocation.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A jurisdiction's compliance at a glance: per period (the latest first), how many entities are obligated, how many
 * are compliant, partial, open or in shortfall, the tonnes obligated, surrendered and missing, and the compliance
 * rates as in the period's table.
 */
public record JurisdictionCompliance(String jurisdiction, LocalDate asOf, List<Period> periods) {

    public record Period(String periodId, int firstYear, int lastYear, LocalDate deadline100, long entities,
                         long compliant, long partial, long open, long shortfall, long obligationTonnes,
                         long surrenderedTonnes, long missingTonnes, BigDecimal entityComplianceRate,
                         BigDecimal tonnesComplianceRate) {

        static Period of(ComplianceTable table, PeriodRow period) {
            return new Period(table.periodId(), period.firstYear(), period.lastYear(), table.deadline100(),
                    table.entityCount(), count(table, ComplianceStatus.COMPLIANT),
                    count(table, ComplianceStatus.PARTIAL), count(table, ComplianceStatus.OPEN),
                    count(table, ComplianceStatus.SHORTFALL), table.obligationTonnes(), table.surrenderedTonnes(),
                    table.missingTonnes(), table.entityComplianceRate(), table.tonnesComplianceRate());
        }

        private static long count(ComplianceTable table, ComplianceStatus status) {
            return table.entities().stream().filter(s -> s.status() == status).count();
        }
    }

    static final String CSV_HEADER = "period_id,first_year,last_year,deadline_100,entities,compliant,partial,open,"
            + "shortfall,obligation_tonnes,surrendered_tonnes,missing_tonnes,entity_compliance_rate,"
            + "tonnes_compliance_rate\n";

    /** One line per period, for publication; a rate without obligations is empty. */
    String csv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (Period p : periods) {
            csv.append(String.join(",", p.periodId(), String.valueOf(p.firstYear()), String.valueOf(p.lastYear()),
                    p.deadline100().toString(), String.valueOf(p.entities()), String.valueOf(p.compliant()),
                    String.valueOf(p.partial()), String.valueOf(p.open()), String.valueOf(p.shortfall()),
                    String.valueOf(p.obligationTonnes()), String.valueOf(p.surrenderedTonnes()),
                    String.valueOf(p.missingTonnes()), rate(p.entityComplianceRate()),
                    rate(p.tonnesComplianceRate()))).append('\n');
        }
        return csv.toString();
    }

    private static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.toPlainString();
    }
}
