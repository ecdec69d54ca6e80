package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.WithdrawalHold;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.settlement.ledger.Applied;
import cn.carbonmarket.settlement.ledger.Asset;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Withdrawals in two phases, as TigerBeetle's pending transfers: the request holds the cash (a pending ledger entry,
 * refused beyond what is withdrawable today), the clearing bank's payout posts it and moves it out through the
 * omnibus account, its rejection voids it and the cash is available again. Each step writes the withdrawal row,
 * the ledger and the events in one transaction.
 */
@ApplicationScoped
public class Withdrawals {

    private final Pool pool;
    private final WithdrawalStore store;
    private final LedgerStore ledger;
    private final Clock clock;
    private final WithdrawalCheck check;

    public Withdrawals(Pool pool, WithdrawalStore store, LedgerStore ledger, Clock clock, WithdrawalCheck check) {
        this.pool = pool;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.check = check;
    }

    public record Outcome(WithdrawalView withdrawal, boolean replayed) {
    }

    /** The withdrawal id a party's idempotency key stands for: the same key always names the same withdrawal. */
    static UUID idOf(PartyId party, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("withdrawal:" + party + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Trading's risk view sets the amount aside first (flow 5); only then is it held in the ledger. A withdrawal
     * already recorded under the key goes straight to the ledger, which answers it as a replay or a conflict.
     */
    public Uni<Outcome> request(PartyId party, long fen, String idempotencyKey, String requestedBy) {
        UUID id = idOf(party, idempotencyKey);
        String entryId = Entries.id(EntryType.WITHDRAWAL, id.toString());
        return store.isRecorded(pool, id)
                .chain(known -> known ? hold(id, party, fen, requestedBy)
                        : check.holdThen(new WithdrawalHold(id.toString(), party, Asset.CNY.code(), fen, entryId),
                                () -> hold(id, party, fen, requestedBy)));
    }

    private Uni<Outcome> hold(UUID id, PartyId party, long fen, String requestedBy) {
        Instant now = clock.instant();
        LedgerCommand hold = new LedgerCommand.Write(Entries.withdrawal(id.toString(), party, fen, TradingDay.of(now)));
        return pool.withTransaction(conn -> ledger.apply(conn, List.of(hold), now)
                        .flatMap(outcomes -> {
                            Applied applied = outcomes.get(0).orThrow();
                            if (applied.replayed()) {
                                return find(conn, id).map(w -> new Outcome(w, true));
                            }
                            return store.insert(conn, id, party, fen, requestedBy, at(now))
                                    .map(w -> new Outcome(w, false));
                        }))
                .onFailure(LedgerStore::lostRace).retry().atMost(3);
    }

    /** The bank paid it out: the pending entry is posted and the payout entry moves the cash out of the market. */
    public Uni<Outcome> paid(UUID id, String bankReference) {
        Instant now = clock.instant();
        return decide(id, "PAID", bankReference, null, (conn, w) -> ledger.apply(conn, List.of(
                new LedgerCommand.Post(Entries.id(EntryType.WITHDRAWAL, id.toString())),
                new LedgerCommand.Write(Entries.payout(id.toString(), PartyId.parse(w.partyId()), w.amountFen(),
                        TradingDay.of(now)))), now), now);
    }

    /** The bank could not pay it out: the pending entry is voided and the cash is the party's to use again. */
    public Uni<Outcome> rejected(UUID id, String reason) {
        Instant now = clock.instant();
        return decide(id, "REJECTED", null, reason, (conn, w) -> ledger.apply(conn, List.of(
                new LedgerCommand.VoidPending(Entries.id(EntryType.WITHDRAWAL, id.toString()))), now), now);
    }

    public Uni<WithdrawalView> get(UUID id) {
        return pool.withConnection(conn -> find(conn, id));
    }

    private interface LedgerStep {
        Uni<List<LedgerStore.Outcome>> apply(SqlConnection conn, WithdrawalView withdrawal);
    }

    /**
     * Records the bank's decision once: the same decision again is answered with the record as it stands, a
     * different one (paid after rejected, another bank reference) is a conflict.
     */
    private Uni<Outcome> decide(UUID id, String status, String bankReference, String reason, LedgerStep step,
                                Instant now) {
        return pool.withTransaction(conn -> store.lock(conn, id)
                        .flatMap(w -> {
                            if (w == null) {
                                return Uni.createFrom().failure(notFound(id));
                            }
                            if (!w.status().equals("PENDING")) {
                                if (w.status().equals(status) && Objects.equals(w.bankReference(), bankReference)
                                        && Objects.equals(w.reason(), reason)) {
                                    return Uni.createFrom().item(new Outcome(w, true));
                                }
                                return Uni.createFrom().failure(new ConflictException("WITHDRAWAL_ALREADY_DECIDED",
                                        "withdrawal " + id + " is already " + w.status()));
                            }
                            return step.apply(conn, w)
                                    .invoke(outcomes -> outcomes.forEach(LedgerStore.Outcome::orThrow))
                                    .chain(() -> store.decide(conn, id, status, bankReference, reason, at(now)))
                                    .map(updated -> new Outcome(updated, false));
                        }))
                .onFailure(LedgerStore::lostRace).retry().atMost(3);
    }

    private Uni<WithdrawalView> find(SqlConnection conn, UUID id) {
        return store.find(conn, id).onItem().ifNull().failWith(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("WITHDRAWAL_NOT_FOUND", "no withdrawal " + id);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
