package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.OffsetRules;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An entity's obligation for a period (with the jurisdiction whose compliance it is, the sector it covers and the
 * offsets it accepts), what it surrendered against it per kind, what remains, and its surrenders.
 */
public record SurrenderView(String periodId, UUID partyId, String instrument, Jurisdiction jurisdiction,
                            Sector sector, int version, long verifiedEmissionsTonnes, long obligationTonnes,
                            long offsetLimitTonnes, long nonLocalOffsetLimitTonnes, long borrowingLimitTonnes,
                            OffsetRules offsets, Instant setAt, String account, long surrenderedTonnes,
                            long outstandingTonnes, ByKind surrendered, ByKind remaining, List<Entry> surrenders) {

    /** One surrender: the entity's id for it, its tonnes per kind and its SURRENDER transaction. */
    public record Entry(String surrenderId, ByKind tonnes, Instant surrenderedAt, BookedTransaction transaction) {
    }

    public SurrenderView {
        surrenders = List.copyOf(surrenders);
    }
}
