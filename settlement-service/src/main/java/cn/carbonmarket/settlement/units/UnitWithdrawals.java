package cn.carbonmarket.settlement.units;

import cn.carbonmarket.contracts.event.UnitsReleased;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.WithdrawalHold;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.settlement.ledger.Applied;
import cn.carbonmarket.settlement.ledger.Entries;
import cn.carbonmarket.settlement.ledger.EntryType;
import cn.carbonmarket.settlement.ledger.LedgerCommand;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import cn.carbonmarket.settlement.ledger.Rejection;
import cn.carbonmarket.settlement.ledger.TradingDay;
import cn.carbonmarket.settlement.tradingrisk.WithdrawalCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Units out of trading (docs/architecture.md, Flows: out of trading): trading's risk view sets them aside first
 * (nothing reserved by open orders, nothing bought today), then one transaction takes them off the party's position
 * (UNITS_OUT, refused beyond what is available), records the withdrawal and publishes UnitsReleased for the registry,
 * which moves them from IN_TRADING back to AVAILABLE, or to the national account an auction's unsold units return to
 * ({@link AuctionReturns}). Nothing waits for a bank, so the entry is posted at once.
 */
@ApplicationScoped
public class UnitWithdrawals {

    private final Pool pool;
    private final UnitWithdrawalStore store;
    private final LedgerStore ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final WithdrawalCheck check;

    public UnitWithdrawals(Pool pool, UnitWithdrawalStore store, LedgerStore ledger, Outbox outbox, Clock clock,
                           WithdrawalCheck check) {
        this.pool = pool;
        this.store = store;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.check = check;
    }

    public record Outcome(UnitWithdrawalView withdrawal, boolean replayed) {
    }

    /**
     * Units leaving trading, named by their withdrawal id: a participant's withdrawal goes back to its own AVAILABLE
     * holding ({@code destination} null), an auctioneer's unsold units to the national account named.
     */
    public record Release(String withdrawalId, PartyId party, InstrumentCode instrument, long tonnes,
                          AccountId destination, String requestedBy) {
    }

    /** The withdrawal id a party's idempotency key stands for: the same key always names the same withdrawal. */
    static UUID idOf(PartyId party, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("unit-withdrawal:" + party + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A participant's withdrawal of its own units, named by its idempotency key. */
    public Uni<Outcome> request(PartyId party, InstrumentCode instrument, long tonnes, String idempotencyKey,
                                String requestedBy) {
        return release(new Release(idOf(party, idempotencyKey).toString(), party, instrument, tonnes, null,
                requestedBy));
    }

    /**
     * The one way out of trading: trading's hold, then the ledger entry, the record and UnitsReleased. A release
     * already recorded under its id goes straight to the ledger, which answers it as a replay or a conflict, without
     * asking trading again.
     */
    public Uni<Outcome> release(Release release) {
        String entryId = Entries.id(EntryType.UNITS_OUT, release.withdrawalId());
        return store.isRecorded(pool, release.withdrawalId())
                .chain(known -> known ? post(release)
                        : check.holdThen(new WithdrawalHold(release.withdrawalId(), release.party(),
                                release.instrument().toString(), release.tonnes(), entryId), () -> post(release)));
    }

    private Uni<Outcome> post(Release release) {
        Instant now = clock.instant();
        LedgerCommand out = new LedgerCommand.Write(Entries.unitsOut(release.withdrawalId(), release.party(),
                release.instrument(), release.tonnes(), TradingDay.of(now)));
        return pool.withTransaction(conn -> ledger.apply(conn, List.of(out), now)
                        .flatMap(outcomes -> {
                            Applied applied = outcomes.get(0).orThrow();
                            if (applied.replayed()) {
                                return find(conn, release.withdrawalId())
                                        .map(w -> new Outcome(sameDestination(w, release), true));
                            }
                            return store.insert(conn, release, now.atOffset(ZoneOffset.UTC))
                                    .call(w -> outbox.publish(conn, UnitsReleased.TYPE, release.party().toString(),
                                            new UnitsReleased(release.withdrawalId(), release.party(),
                                                    release.instrument(), release.tonnes(), now,
                                                    release.destination())))
                                    .map(w -> new Outcome(w, false));
                        }))
                .onFailure(LedgerStore::lostRace).retry().atMost(3);
    }

    /** The ledger entry does not carry the destination: the record does, and a replay must name the same one. */
    private static UnitWithdrawalView sameDestination(UnitWithdrawalView recorded, Release release) {
        String asked = release.destination() == null ? null : release.destination().value();
        if (!Objects.equals(recorded.destination(), asked)) {
            throw new ConflictException(Rejection.ENTRY_ID_CONFLICT.name(), "withdrawal " + release.withdrawalId()
                    + " went to " + recorded.destination() + ", not " + asked);
        }
        return recorded;
    }

    public Uni<UnitWithdrawalView> get(String id) {
        return pool.withConnection(conn -> find(conn, id));
    }

    private Uni<UnitWithdrawalView> find(SqlConnection conn, String id) {
        return store.find(conn, id).onItem().ifNull().failWith(() -> new NotFoundException(
                "UNIT_WITHDRAWAL_NOT_FOUND", "no unit withdrawal " + id));
    }
}
