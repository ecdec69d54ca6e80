package cn.carbonmarket.settlement.units;

import cn.carbonmarket.contracts.event.UnitsReleased;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.WithdrawalHold;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.settlement.ledger.Applied;
import cn.carbonmarket.settlement.ledger.Entries;
import cn.carbonmarket.settlement.ledger.EntryType;
import cn.carbonmarket.settlement.ledger.LedgerCommand;
import cn.carbonmarket.settlement.ledger.LedgerStore;
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
import java.util.UUID;

/**
 * Units out of trading (docs/architecture.md, Flows: out of trading): trading's risk view sets them aside first
 * (nothing reserved by open orders, nothing bought today), then one transaction takes them off the party's position
 * (UNITS_OUT, refused beyond what is available), records the withdrawal and publishes UnitsReleased for the registry,
 * which moves them from IN_TRADING back to AVAILABLE. Nothing waits for a bank, so the entry is posted at once.
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

    /** The withdrawal id a party's idempotency key stands for: the same key always names the same withdrawal. */
    static UUID idOf(PartyId party, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("unit-withdrawal:" + party + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A withdrawal already recorded under the key goes straight to the ledger, which answers it as a replay or a
     * conflict, without asking trading again.
     */
    public Uni<Outcome> request(PartyId party, InstrumentCode instrument, long tonnes, String idempotencyKey,
                                String requestedBy) {
        UUID id = idOf(party, idempotencyKey);
        String entryId = Entries.id(EntryType.UNITS_OUT, id.toString());
        return store.isRecorded(pool, id)
                .chain(known -> known ? release(id, party, instrument, tonnes, requestedBy)
                        : check.holdThen(new WithdrawalHold(id.toString(), party, instrument.toString(), tonnes,
                                entryId), () -> release(id, party, instrument, tonnes, requestedBy)));
    }

    private Uni<Outcome> release(UUID id, PartyId party, InstrumentCode instrument, long tonnes, String requestedBy) {
        Instant now = clock.instant();
        LedgerCommand out = new LedgerCommand.Write(Entries.unitsOut(id.toString(), party, instrument, tonnes,
                TradingDay.of(now)));
        return pool.withTransaction(conn -> ledger.apply(conn, List.of(out), now)
                        .flatMap(outcomes -> {
                            Applied applied = outcomes.get(0).orThrow();
                            if (applied.replayed()) {
                                return find(conn, id).map(w -> new Outcome(w, true));
                            }
                            return store.insert(conn, id, party, instrument, tonnes, requestedBy,
                                            now.atOffset(ZoneOffset.UTC))
                                    .call(w -> outbox.publish(conn, UnitsReleased.TYPE, party.toString(),
                                            new UnitsReleased(id.toString(), party, instrument, tonnes, now)))
                                    .map(w -> new Outcome(w, false));
                        }))
                .onFailure(LedgerStore::lostRace).retry().atMost(3);
    }

    public Uni<UnitWithdrawalView> get(UUID id) {
        return pool.withConnection(conn -> find(conn, id));
    }

    private Uni<UnitWithdrawalView> find(SqlConnection conn, UUID id) {
        return store.find(conn, id).onItem().ifNull().failWith(() -> new NotFoundException(
                "UNIT_WITHDRAWAL_NOT_FOUND", "no unit withdrawal " + id));
    }
}
