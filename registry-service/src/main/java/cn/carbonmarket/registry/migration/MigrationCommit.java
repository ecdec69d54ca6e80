package cn.carbonmarket.registry.migration;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.OutboxRelay;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.audit.AuditChain;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.party.PartyAdmissions;
import cn.carbonmarket.registry.party.PartyRegistration;
import cn.carbonmarket.registry.transaction.BulkBooking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.KeyedMovement;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionStore;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a reconciled upload in one database transaction: the holders not registered yet become parties (with their
 * holding accounts and PartyRegistered events), and one MIGRATION transaction per holder, and per unidentified pilot
 * account, moves the units from the pilot's MIGRATION_SOURCE mirror account to them. The job's final state and its
 * issues commit with it, so an import is all there or not at all.
 *
 * <p>Every holder is recorded as one of the pilot's ({@link PilotHolders}), and those the national market covers
 * already are flagged for the one-market rule, in the same transaction.
 *
 * <p>A holder's transaction is keyed by pilot and party ({@code migration/BJ/<party id>}): a holder's units come over
 * from a pilot once, so a re-export of a migrated registry, whatever its bytes, is refused, not booked twice.
 */
@ApplicationScoped
class MigrationCommit {

    private static final String ALREADY_MIGRATED = "ALREADY_MIGRATED";

    private final Pool pool;
    private final PartyAdmissions admissions;
    private final BulkBooking booking;
    private final TransactionStore transactions;
    private final MigrationJobStore jobs;
    private final PilotHolders pilotHolders;

    MigrationCommit(Pool pool, PartyAdmissions admissions, BulkBooking booking, TransactionStore transactions,
                    MigrationJobStore jobs, PilotHolders pilotHolders) {
        this.pool = pool;
        this.admissions = admissions;
        this.booking = booking;
        this.transactions = transactions;
        this.jobs = jobs;
        this.pilotHolders = pilotHolders;
    }

    Uni<MigrationReport> commit(JobOrder order, ImportTally tally, Reconciliation reconciliation) {
        String source = SystemAccounts.migrationSource(order.pilot().jurisdiction());
        List<PartyRegistration> registrations = tally.holders().stream().map(ImportTally.Holder::registration).toList();
        return pool.withTransaction(conn -> jobs.takeTurn(conn, order.pilot())
                        .chain(() -> jobs.planOnceForAll(conn))
                        // The outbox relay and the audit chainer would poll their queues past every uncommitted
                        // entry of this import, over and over: they wait for its end instead.
                        .chain(() -> OutboxRelay.holdOff(conn))
                        .chain(() -> AuditChain.holdOff(conn))
                        .chain(() -> holdings(conn, source))
                        .chain(before -> admissions.admit(conn, registrations, order.requestedBy())
                                .chain(admitted -> booking.bookAll(conn, movements(order, tally, source, admitted),
                                                Initiator.regulator(order.requestedBy()))
                                        .map(booked -> new MigrationReport(true, reconciliation.instruments(),
                                                reconciliation.holdingRows(), new MigrationReport.Booked(
                                                admitted.admissions().size(),
                                                registrations.size() - admitted.admissions().size(), booked),
                                                null, null))
                                        .call(() -> pilotHolders.migrated(conn, order.pilot().jurisdiction(),
                                                registrations.stream().map(admitted::partyOf).toList())))
                                .call(() -> holdings(conn, source)
                                        .invoke(after -> checkMirror(before, after, reconciliation))))
                        .call(report -> jobs.finish(conn, order.id(), order.lease(), JobStatus.COMMITTED,
                                tally.counters(), report, tally.issues())))
                .onFailure(f -> f instanceof RuleViolationException r && r.code().equals("ALREADY_BOOKED"))
                .transform(f -> new RuleViolationException(ALREADY_MIGRATED, "holders of this export were migrated"
                        + " from the " + order.pilot().displayName() + " pilot before: " + f.getMessage()
                        + "; nothing was booked"));
    }

    /**
     * Per holder (to the party {@code admitted} found or admitted for it), and per pilot account whose holder is
     * unknown, one transaction from the source account.
     */
    private static List<KeyedMovement> movements(JobOrder order, ImportTally tally, String source,
                                                 PartyAdmissions.Admitted admitted) {
        String key = "migration/" + order.pilot() + "/";
        String suspense = SystemAccounts.migrationSuspense(order.pilot().jurisdiction());
        List<KeyedMovement> movements = new ArrayList<>();
        // In account order: the transactions' ids increase in list order, so lines fill their indexes in order.
        tally.holders().stream().filter(holder -> !holder.tonnes().isEmpty())
                .map(holder -> Map.entry(admitted.partyOf(holder.registration()), holder.tonnes()))
                .sorted(Comparator.comparing((Map.Entry<PartyId, Map<InstrumentCode, Long>> held) ->
                        held.getKey().toString()))
                .forEach(held -> movements.add(new KeyedMovement(key + held.getKey(),
                        fromSource(source, AccountId.holdingOf(held.getKey()).value(), held.getValue()))));
        tally.suspense().forEach((pilotAccount, tonnes) -> {
            if (!tonnes.isEmpty()) {
                movements.add(new KeyedMovement(key + "suspense/" + pilotAccount,
                        fromSource(source, suspense, tonnes)));
            }
        });
        return movements;
    }

    private static Movement fromSource(String source, String account, Map<InstrumentCode, Long> tonnes) {
        List<Movement.Line> lines = new ArrayList<>(tonnes.size() * 2);
        tonnes.forEach((instrument, quantity) -> {
            lines.add(new Movement.Line(new HoldingKey(source, instrument, HoldingStatus.AVAILABLE), -quantity));
            lines.add(new Movement.Line(new HoldingKey(account, instrument, HoldingStatus.AVAILABLE), quantity));
        });
        return new Movement(TransactionType.MIGRATION, lines);
    }

    /** The account's quantity per instrument. */
    private Uni<Map<String, Long>> holdings(SqlConnection conn, String account) {
        return transactions.holdingsOf(conn, account).map(holdings -> {
            Map<String, Long> quantities = new HashMap<>();
            holdings.forEach(h -> quantities.put(h.key().instrument().toString(), h.quantity()));
            return quantities;
        });
    }

    /**
     * The source account mirrors the pilot's registry: what left it in this import must be what the control totals
     * say, read back from the database. A last guard against a booking that wrote other than it was told.
     */
    private static void checkMirror(Map<String, Long> before, Map<String, Long> after, Reconciliation reconciliation) {
        Map<String, Long> left = new HashMap<>();
        after.forEach((instrument, quantity) -> {
            long moved = before.getOrDefault(instrument, 0L) - quantity;
            if (moved != 0) {
                left.put(instrument, moved);
            }
        });
        Map<String, Long> expected = new HashMap<>();
        reconciliation.instruments().stream().filter(i -> i.booked() != 0)
                .forEach(i -> expected.put(i.instrument(), i.booked()));
        if (!left.equals(expected)) {
            throw new IllegalStateException("the migration source account gave " + left + " instead of " + expected);
        }
    }
}
