package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.event.ObligationSet;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.OffsetRules;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.onemarket.OneMarketRule;
import java.time.Instant;
import java.util.List;

/**
 * An entity's obligation for a compliance period as allocation set it, and the rules a surrender against it passes:
 * every unit eligible for the period ({@link SurrenderKind}), offsets within the offset limit and, of them, those
 * from outside the period's local region within its non-local share, next-vintage allowances within the borrowing
 * limit, and all of it within the obligation. Pure, so that the figures can be tested on their own.
 *
 * @param sector  what the obligation covers, for the one-market rule; null for a pilot period that did not say
 * @param offsets the offsets the period accepts and from where
 */
public record SurrenderObligation(String periodId, PartyId partyId, InstrumentCode instrument, int version,
                                  long verifiedEmissionsTonnes, long obligationTonnes, long offsetLimitTonnes,
                                  long borrowingLimitTonnes, Instant setAt, Sector sector, OffsetRules offsets) {

    /** One instrument of a surrender and its tonnes. */
    public record Line(InstrumentCode instrument, long quantity) {
    }

    /**
     * The obligation as an event carries it. Events written before the sector and offset rules existed are all of
     * national periods: their sector is POWER (the national market covered only power generation then) and their
     * offsets the national ones.
     */
    public static SurrenderObligation of(ObligationSet set) {
        boolean national = OneMarketRule.isNational(set.instrument().product().jurisdiction());
        Sector sector = set.sector() != null || !national ? set.sector() : Sector.POWER;
        return new SurrenderObligation(set.periodId(), set.partyId(), set.instrument(), set.version(),
                set.verifiedEmissionsTonnes(), set.obligationTonnes(), set.offsetLimitTonnes(),
                set.borrowingLimitTonnes(), set.setAt(), sector,
                set.offsets() != null ? set.offsets() : OffsetRules.NATIONAL);
    }

    public SurrenderObligation {
        if (offsets == null) {
            throw new IllegalArgumentException("an obligation names the offsets it accepts");
        }
    }

    /** The jurisdiction whose compliance the period is: the one that issues its allowance. */
    public Jurisdiction jurisdiction() {
        return instrument.product().jurisdiction();
    }

    /** The most tonnes of offsets from outside the local region (or of unrecorded origin). */
    public long nonLocalOffsetLimitTonnes() {
        return offsets.nonLocalLimit(offsetLimitTonnes);
    }

    /** What may still be surrendered of each kind, after {@code surrendered}. */
    public ByKind remaining(ByKind surrendered) {
        long left = Math.max(0, obligationTonnes - surrendered.total());
        long offsetsLeft = Math.min(left, Math.max(0, offsetLimitTonnes - surrendered.offsets()));
        return new ByKind(left, Math.min(left, Math.max(0, borrowingLimitTonnes - surrendered.borrowed())),
                offsetsLeft, Math.min(offsetsLeft, Math.max(0, nonLocalOffsetLimitTonnes()
                        - surrendered.nonLocalOffsets())));
    }

    /**
     * The tonnes per kind {@code lines} add to {@code surrendered}, or a refusal naming what may still be
     * surrendered of each kind.
     */
    public ByKind admit(ByKind surrendered, List<Line> lines) {
        ByKind remaining = remaining(surrendered);
        ByKind asked = ByKind.NONE;
        for (Line line : lines) {
            SurrenderKind.Eligibility eligibility = SurrenderKind.of(line.instrument(), instrument, offsets);
            if (!eligibility.eligible()) {
                throw refuse("INSTRUMENT_NOT_ELIGIBLE", line.instrument() + " cannot be surrendered for period "
                        + periodId + ": " + eligibility.whyNot(), remaining);
            }
            asked = asked.plus(ByKind.of(eligibility.kind(), line.quantity()));
        }
        if (Math.addExact(surrendered.offsets(), asked.offsets()) > offsetLimitTonnes) {
            throw refuse("OFFSET_LIMIT_EXCEEDED", asked.offsets() + " t of offsets would exceed the offset limit of "
                    + offsetLimitTonnes + " t (" + surrendered.offsets() + " t surrendered)", remaining);
        }
        if (Math.addExact(surrendered.nonLocalOffsets(), asked.nonLocalOffsets()) > nonLocalOffsetLimitTonnes()) {
            throw refuse("NON_LOCAL_OFFSET_LIMIT_EXCEEDED", asked.nonLocalOffsets() + " t of offsets not from "
                    + offsets.localRegion() + " projects (or of unrecorded origin) would exceed their limit of "
                    + nonLocalOffsetLimitTonnes() + " t (" + surrendered.nonLocalOffsets() + " t surrendered)",
                    remaining);
        }
        if (Math.addExact(surrendered.borrowed(), asked.borrowed()) > borrowingLimitTonnes) {
            throw refuse("BORROWING_LIMIT_EXCEEDED", asked.borrowed() + " t of "
                    + instrument.withVintage(instrument.vintage() + 1) + " would exceed the borrowing limit of "
                    + borrowingLimitTonnes + " t (" + surrendered.borrowed() + " t surrendered)", remaining);
        }
        if (asked.total() > remaining.allowances()) {
            throw refuse("SURRENDER_EXCEEDS_OBLIGATION", asked.total() + " t would exceed the obligation of "
                    + obligationTonnes + " t (" + surrendered.total() + " t surrendered)", remaining);
        }
        return asked;
    }

    private static RuleViolationException refuse(String code, String message, ByKind remaining) {
        return new RuleViolationException(code, message + "; may still be surrendered: " + remaining);
    }
}
