package cn.carbonmarket.registry.audit;

import cn.carbonmarket.registry.transaction.BookedTransaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical JSON of a booked transaction (fixed field order, lines in booking order, no whitespace) and what a
 * chain link covers: the previous record's hash, a newline, and that JSON (keyed: {@link ChainKeys}).
 */
final class CanonicalTransaction {

    static final String GENESIS = "0".repeat(64);

    private CanonicalTransaction() {
    }

    static String json(BookedTransaction t) {
        StringBuilder json = new StringBuilder(256).append("{\"id\":\"").append(t.id())
                .append("\",\"type\":\"").append(t.type())
                .append("\",\"initiator\":").append(quote(t.initiator()))
                .append(",\"bookedAt\":\"").append(t.bookedAt())
                .append("\",\"lines\":[");
        for (int i = 0; i < t.lines().size(); i++) {
            BookedTransaction.Line line = t.lines().get(i);
            json.append(i == 0 ? "" : ",").append("{\"account\":").append(quote(line.account()))
                    .append(",\"instrument\":\"").append(line.instrument())
                    .append("\",\"status\":\"").append(line.status())
                    .append("\",\"delta\":").append(line.delta()).append('}');
        }
        return json.append("]}").toString();
    }

    /** What a record's link covers: the previous record's hash, a newline and the transaction's JSON. */
    static byte[] linked(String previousHash, BookedTransaction t) {
        return (previousHash + "\n" + json(t)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The unkeyed link of the records chained before the chain had a key (their {@code key_id} is null): anyone who
     * can read the database can recompute it, so it is verified only for those records ({@link ChainKeys}).
     */
    static String unkeyedHash(String previousHash, BookedTransaction t) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(linked(previousHash, t)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
