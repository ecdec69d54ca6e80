package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.registry.transaction.BookedTransaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An entity's obligation for a period, what it surrendered against it per kind, what remains, and its surrenders. */
public record SurrenderView(String periodId, UUID partyId, String instrument, int version,
                            long verifiedEmissionsTonnes, long obligationTonnes, long offsetLimitTonnes,
                            long borrowingLimitTonnes, Instant setAt, String account, long surrenderedTonnes,
                            long outstandingTonnes, ByKind surrendered, ByKind remaining, List<Entry> surrenders) {

    /** One surrender: the entity's id for it, its tonnes per kind and its SURRENDER transaction. */
    public record Entry(String surrenderId, ByKind tonnes, Instant surrenderedAt, BookedTransaction transaction) {
    }

    public SurrenderView {
        surrenders = List.copyOf(surrenders);
    }
}
