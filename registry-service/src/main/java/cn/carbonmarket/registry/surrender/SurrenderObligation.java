package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.event.ObligationSet;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import java.time.Instant;
import java.util.List;

/**
 * An entity's obligation for a compliance period as allocation set it, and the rules a surrender against it passes:
 * every unit eligible for the period, offsets within the offset limit, next-vintage allowances within the borrowing
 * limit, and all of it within the obligation. Pure, so that the figures can be tested on their own.
 */
public record SurrenderObligation(String periodId, PartyId partyId, InstrumentCode instrument, int version,
                                  long verifiedEmissionsTonnes, long obligationTonnes, long offsetLimitTonnes,
                                  long borrowingLimitTonnes, Instant setAt) {

    /** One instrument of a surrender and its tonnes. */
    public record Line(InstrumentCode instrument, long quantity) {
    }

    public static SurrenderObligation of(ObligationSet set) {
        return new SurrenderObligation(set.periodId(), set.partyId(), set.instrument(), set.version(),
                set.verifiedEmissionsTonnes(), set.obligationTonnes(), set.offsetLimitTonnes(),
                set.borrowingLimitTonnes(), set.setAt());
    }

    /** What may still be surrendered of each kind, after {@code surrendered}. */
    public ByKind remaining(ByKind surrendered) {
        long left = Math.max(0, obligationTonnes - surrendered.total());
        return new ByKind(left, Math.min(left, Math.max(0, borrowingLimitTonnes - surrendered.borrowed())),
                Math.min(left, Math.max(0, offsetLimitTonnes - surrendered.offsets())));
    }

    /**
     * The tonnes per kind {@code lines} add to {@code surrendered}, or a refusal naming what may still be
     * surrendered of each kind.
     */
    public ByKind admit(ByKind surrendered, List<Line> lines) {
        ByKind remaining = remaining(surrendered);
        ByKind asked = ByKind.NONE;
        for (Line line : lines) {
            SurrenderKind kind = SurrenderKind.of(line.instrument(), instrument).orElseThrow(() -> refuse(
                    "INSTRUMENT_NOT_ELIGIBLE", line.instrument() + " cannot be surrendered for period " + periodId
                            + " (" + instrument + " or earlier, " + nextVintage() + " within the borrowing limit,"
                            + " CCER within the offset limit)", remaining));
            asked = asked.plus(ByKind.of(kind, line.quantity()));
        }
        if (Math.addExact(surrendered.offsets(), asked.offsets()) > offsetLimitTonnes) {
            throw refuse("OFFSET_LIMIT_EXCEEDED", asked.offsets() + " t of offsets would exceed the offset limit of "
                    + offsetLimitTonnes + " t (" + surrendered.offsets() + " t surrendered)", remaining);
        }
        if (Math.addExact(surrendered.borrowed(), asked.borrowed()) > borrowingLimitTonnes) {
            throw refuse("BORROWING_LIMIT_EXCEEDED", asked.borrowed() + " t of " + nextVintage()
                    + " would exceed the borrowing limit of " + borrowingLimitTonnes + " t ("
                    + surrendered.borrowed() + " t surrendered)", remaining);
        }
        if (asked.total() > remaining.allowances()) {
            throw refuse("SURRENDER_EXCEEDS_OBLIGATION", asked.total() + " t would exceed the obligation of "
                    + obligationTonnes + " t (" + surrendered.total() + " t surrendered)", remaining);
        }
        return asked;
    }

    private String nextVintage() {
        return instrument.product() + "-" + (instrument.vintage() + 1);
    }

    private static RuleViolationException refuse(String code, String message, ByKind remaining) {
        return new RuleViolationException(code, message + "; may still be surrendered: " + remaining);
    }
}
