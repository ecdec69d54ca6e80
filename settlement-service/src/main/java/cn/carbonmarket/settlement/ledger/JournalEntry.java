package cn.carbonmarket.settlement.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A balanced set of transfers applied atomically under one business id (trade id, bank reference, ...), the way
 * TigerBeetle's linked transfers are. {@code businessDate} is the trading day it belongs to (Asia/Shanghai).
 * A {@code pending} entry only reserves its amounts until it is posted or voided.
 */
public record JournalEntry(String id, EntryType type, LocalDate businessDate, boolean pending,
                           List<Transfer> transfers) {

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(businessDate, "businessDate");
        transfers = List.copyOf(transfers);
    }

    /**
     * The entry's content as a short hash, to tell a redelivery (same id, same body) from a conflicting reuse of the
     * id (same id, other body) without storing the whole body twice.
     */
    public String fingerprint() {
        String canonical = type + "|" + businessDate + "|" + pending + "|" + transfers.stream()
                .map(t -> t.debit() + ">" + t.credit() + ":" + t.amount()).collect(Collectors.joining(";"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
