package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.registry.holding.HoldingKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One transaction about to be booked: its registry_transaction row, its lines and its TransactionBooked event, made
 * in one place for every booking path so that the audit chain and statements see the same rows whichever path wrote
 * them.
 */
record TransactionRecord(UUID id, Movement movement, String initiator, String reference, String scopedKey,
                         String fingerprint, Instant bookedAt, Map<String, AccountSnapshot> accounts) {

    static TransactionRecord of(UUID id, KeyedMovement keyed, Initiator initiator, Instant bookedAt,
                                Map<String, AccountSnapshot> accounts) {
        return new TransactionRecord(id, keyed.movement(), initiator.toString(), keyed.idempotencyKey(),
                scopedKey(initiator, keyed.idempotencyKey()), fingerprint(keyed.movement(), initiator), bookedAt,
                accounts);
    }

    /** One transaction_line row: lines are numbered from 1 in movement order. */
    record Line(UUID transactionId, int lineNo, HoldingKey holding, long delta) {
    }

    List<Line> lines() {
        List<Movement.Line> lines = movement.lines();
        return IntStream.range(0, lines.size())
                .mapToObj(i -> new Line(id, i + 1, lines.get(i).holding(), lines.get(i).delta())).toList();
    }

    TransactionBooked event() {
        return new TransactionBooked(id, movement.type().name(), initiator, bookedAt, movement.lines().stream()
                .map(l -> new TransactionBooked.Line(AccountId.parse(l.holding().account()), partyOf(l),
                        l.holding().instrument(), l.holding().status().name(), l.delta()))
                .toList(), reference);
    }

    /** Keyed by the party of the first holding account involved, so that a party's movements stay in order. */
    String eventKey() {
        return movement.lines().stream().map(this::partyOf).filter(Objects::nonNull).findFirst()
                .orElse(id.toString());
    }

    BookedTransaction booked() {
        return new BookedTransaction(id, movement.type(), initiator, bookedAt, movement.lines().stream()
                .map(l -> new BookedTransaction.Line(l.holding().account(), l.holding().instrument().toString(),
                        l.holding().status().name(), l.delta()))
                .toList());
    }

    private String partyOf(Movement.Line line) {
        UUID party = accounts.get(line.holding().account()).partyId();
        return party == null ? null : party.toString();
    }

    static String scopedKey(Initiator initiator, String idempotencyKey) {
        return scope(initiator) + ":" + idempotencyKey;
    }

    private static String scope(Initiator initiator) {
        return switch (initiator.kind()) {
            case PARTY -> "party/" + initiator.party();
            case REGULATOR -> "regulator";
            case AUTHORITY -> "authority/" + initiator.name();
            case SYSTEM -> "system/" + initiator.name();
            case PLEDGEE -> "pledgee/" + initiator.name();
        };
    }

    /** What makes two requests "the same": the movement itself, whoever of the same scope sent it. */
    static String fingerprint(Movement movement, Initiator initiator) {
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
}
