package cn.carbonmarket.allocation.period;

import cn.carbonmarket.contracts.party.Jurisdiction;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A compliance period of one jurisdiction as the regulator opened it. */
@Entity
@Table(name = "compliance_period")
public class CompliancePeriod extends PanacheEntityBase {

    @Id
    @Column(name = "period_id")
    public String periodId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Jurisdiction jurisdiction;

    @Column(name = "first_year", nullable = false)
    public int firstYear;

    @Column(name = "last_year", nullable = false)
    public int lastYear;

    @Column(nullable = false)
    public String instrument;

    @Column(name = "benchmark_pack", nullable = false)
    public String benchmarkPack;

    @Column(name = "deadline_95", nullable = false)
    public LocalDate deadline95;

    @Column(name = "deadline_100", nullable = false)
    public LocalDate deadline100;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PeriodStatus status;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Uni<List<CompliancePeriod>> all() {
        return list("order by firstYear desc, periodId");
    }

    boolean hasTerms(PeriodTerms terms) {
        return jurisdiction.name().equals(terms.jurisdiction()) && firstYear == terms.firstYear()
                && lastYear == terms.lastYear() && instrument.equals(terms.instrument())
                && benchmarkPack.equals(terms.benchmarkPack()) && deadline95.equals(terms.deadline95())
                && deadline100.equals(terms.deadline100());
    }
}
