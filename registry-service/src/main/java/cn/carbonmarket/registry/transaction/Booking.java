package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.problem.UniqueViolation;
import cn.carbonmarket.registry.account.AccountState;
import cn.carbonmarket.registry.account.AccountType;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Books movements: checks them against the rules with the touched accounts shared-locked and holdings locked in
 * a fixed order, then writes the transaction, its lines, the holdings and the TransactionBooked event in one
 * database transaction. Idempotent per (initiator, key): the same key and movement return the first booking;
 * the same key with another movement is a conflict.
 */
@ApplicationScoped
public class Booking {

    private static final String CHECK_VIOLATION = "23514";

    private final Pool pool;
    private final TransactionRules rules;
    private final Outbox outbox;
    private final Clock clock;

    public Booking(Pool pool, TransactionRules rules, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Outcome(BookedTransaction transaction, boolean replayed) {
    }

    public Uni<Outcome> book(Movement movement, Initiator initiator, String idempotencyKey) {
        return book(movement, initiator, idempotencyKey, (conn, booked) -> Uni.createFrom().voidItem());
    }

    /**
     * The same, with {@code alongside} writing what belongs to the booking (a pledge, a run's record) in its
     * database transaction: both commit or neither. It runs only for a new booking, not for a replay.
     */
    public Uni<Outcome> book(Movement movement, Initiator initiator, String idempotencyKey,
                             BiFunction<SqlConnection, BookedTransaction, Uni<Void>> alongside) {
        String scopedKey = scope(initiator) + ":" + idempotencyKey;
        String fingerprint = fingerprint(movement, initiator);
        return pool.withTransaction(conn -> replay(conn, scopedKey, fingerprint)
                        .flatMap(previous -> previous != null
                                ? Uni.createFrom().item(new Outcome(previous, true))
                                : bookNew(conn, movement, initiator, scopedKey, fingerprint)
                                        .call(outcome -> alongside.apply(conn, outcome.transaction()))))
                // A concurrent booking under the same key won the insert: the retry finds and replays it.
                .onFailure(UniqueViolation::test).retry().atMost(1)
                .onFailure(Booking::isOverdraft).transform(f -> new RuleViolationException("INSUFFICIENT_UNITS",
                        "a concurrent movement used the units first; nothing was booked"));
    }

    private Uni<BookedTransaction> replay(SqlConnection conn, String scopedKey, String fingerprint) {
        return conn.preparedQuery("select id, fingerprint from registry_transaction where idempotency_key = $1")
                .execute(Tuple.of(scopedKey))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row row = rows.iterator().next();
                    if (!fingerprint.equals(row.getString("fingerprint"))) {
                        return Uni.createFrom().failure(new ConflictException("IDEMPOTENCY_KEY_REUSED",
                                "this idempotency key was used for a different request"));
                    }
                    return TransactionQueries.byId(conn, row.getUUID("id"));
                });
    }

    private Uni<Outcome> bookNew(SqlConnection conn, Movement movement, Initiator initiator, String scopedKey,
                                 String fingerprint) {
        List<HoldingKey> keys = movement.lines().stream().map(Movement.Line::holding).distinct().sorted().toList();
        return lockAccounts(conn, movement.accounts())
                .flatMap(accounts -> lockHoldings(conn, keys).map(current -> {
                    rules.apply(movement, initiator, accounts, current);
                    return accounts;
                }))
                .flatMap(accounts -> write(conn, movement, initiator, scopedKey, fingerprint, accounts));
    }

    private Uni<Map<String, AccountSnapshot>> lockAccounts(SqlConnection conn, List<String> ids) {
        return conn.preparedQuery("select id, type, state, party_id from account where id = any($1)"
                        + " order by id for share")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, AccountSnapshot> accounts = new HashMap<>();
                    rows.forEach(r -> accounts.put(r.getString("id"), new AccountSnapshot(r.getString("id"),
                            AccountType.valueOf(r.getString("type")), AccountState.valueOf(r.getString("state")),
                            r.getUUID("party_id"))));
                    return accounts;
                });
    }

    /** Holdings are locked in HoldingKey order, the same in every booking, so bookings never deadlock. */
    private Uni<Map<HoldingKey, Long>> lockHoldings(SqlConnection conn, List<HoldingKey> keys) {
        return conn.preparedQuery("select h.account_id, h.instrument, h.status, h.quantity from holding h"
                        + " join unnest($1::text[], $2::text[], $3::text[]) as k(a, i, s)"
                        + " on h.account_id = k.a and h.instrument = k.i and h.status = k.s"
                        + " order by h.account_id, h.instrument, h.status for update of h")
                .execute(Tuple.of(keys.stream().map(HoldingKey::account).toArray(String[]::new),
                        keys.stream().map(k -> k.instrument().toString()).toArray(String[]::new),
                        keys.stream().map(k -> k.status().name()).toArray(String[]::new)))
                .map(rows -> {
                    Map<HoldingKey, Long> current = new HashMap<>();
                    rows.forEach(r -> current.put(new HoldingKey(r.getString("account_id"),
                            InstrumentCode.parse(r.getString("instrument")),
                            HoldingStatus.valueOf(r.getString("status"))), r.getLong("quantity")));
                    return current;
                });
    }

    private Uni<Outcome> write(SqlConnection conn, Movement movement, Initiator initiator, String scopedKey,
                               String fingerprint, Map<String, AccountSnapshot> accounts) {
        UUID id = UUID.randomUUID();
        // PostgreSQL keeps microseconds: truncating here makes the event and the stored row agree.
        Instant bookedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Tuple> lines = new ArrayList<>();
        List<Tuple> credits = new ArrayList<>();
        List<Tuple> debits = new ArrayList<>();
        List<TransactionBooked.Line> eventLines = new ArrayList<>();
        for (int i = 0; i < movement.lines().size(); i++) {
            Movement.Line line = movement.lines().get(i);
            HoldingKey key = line.holding();
            AccountSnapshot account = accounts.get(key.account());
            lines.add(Tuple.tuple(List.of(id, i + 1, key.account(), key.instrument().toString(), key.status().name(),
                    line.delta())));
            eventLines.add(new TransactionBooked.Line(AccountId.parse(key.account()),
                    account.partyId() == null ? null : account.partyId().toString(), key.instrument(),
                    key.status().name(), line.delta()));
        }
        // PostgreSQL checks an upsert's candidate row against the constraints before the conflict, so a debit
        // (its holding exists and is locked) is a plain update; credits and mirror-account debits are upserts.
        movement.lines().stream().sorted(java.util.Comparator.comparing(Movement.Line::holding)).forEach(line -> {
            boolean mirror = accounts.get(line.holding().account()).type().mayGoNegative();
            List<Object> values = List.of(line.holding().account(), line.holding().instrument().toString(),
                    line.holding().status().name(), line.delta());
            if (line.delta() > 0 || mirror) {
                List<Object> withFlag = new ArrayList<>(values);
                withFlag.add(mirror);
                credits.add(Tuple.tuple(withFlag));
            } else {
                debits.add(Tuple.tuple(values));
            }
        });
        String eventKey = eventLines.stream().map(TransactionBooked.Line::partyId).filter(p -> p != null)
                .findFirst().orElse(id.toString());
        TransactionBooked event = new TransactionBooked(id, movement.type().name(), initiator.toString(), bookedAt,
                eventLines);
        return conn.preparedQuery("insert into registry_transaction (id, type, idempotency_key, fingerprint,"
                        + " initiator, booked_at) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(id, movement.type().name(), scopedKey, fingerprint, initiator.toString(),
                        bookedAt.atOffset(ZoneOffset.UTC)))
                .flatMap(r -> conn.preparedQuery("insert into transaction_line (transaction_id, line_no, account_id,"
                        + " instrument, status, delta) values ($1, $2, $3, $4, $5, $6)").executeBatch(lines))
                .flatMap(r -> debits.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery("update holding"
                        + " set quantity = quantity + $4 where account_id = $1 and instrument = $2 and status = $3")
                        .executeBatch(debits).replaceWithVoid())
                .flatMap(r -> conn.preparedQuery("insert into holding (account_id, instrument, status, quantity,"
                        + " allow_negative) values ($1, $2, $3, $4, $5) on conflict (account_id, instrument, status)"
                        + " do update set quantity = holding.quantity + excluded.quantity").executeBatch(credits))
                .flatMap(r -> outbox.publish(conn, TransactionBooked.TYPE, eventKey, event))
                .map(e -> new Outcome(new BookedTransaction(id, movement.type(), initiator.toString(), bookedAt,
                        eventLines.stream().map(l -> new BookedTransaction.Line(l.account().value(),
                                l.instrument().toString(), l.status(), l.delta())).toList()), false));
    }

    private static String scope(Initiator initiator) {
        return switch (initiator.kind()) {
            case PARTY -> "party/" + initiator.party();
            case REGULATOR -> "regulator";
            case SYSTEM -> "system/" + initiator.name();
            case PLEDGEE -> "pledgee/" + initiator.name();
        };
    }

    /** What makes two requests "the same": the movement itself, whoever of the same scope sent it. */
    private static String fingerprint(Movement movement, Initiator initiator) {
        StringBuilder text = new StringBuilder(movement.type().name()).append('|').append(scope(initiator));
        movement.lines().forEach(l -> text.append('|').append(l.holding().account()).append(',')
                .append(l.holding().instrument()).append(',').append(l.holding().status()).append(',')
                .append(l.delta()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static boolean isOverdraft(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && CHECK_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
