package cn.carbonmarket.registry.account;

import cn.carbonmarket.registry.transaction.BookedTransaction;
import java.util.List;

/** An account statement as CSV: one row per line of the account, with its transaction's columns. */
final class StatementCsv {

    private static final String HEADER = "transaction_id,booked_at,type,instrument,status,delta,initiator\n";

    private StatementCsv() {
    }

    static String render(String account, List<BookedTransaction> transactions) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (BookedTransaction t : transactions) {
            t.lines().stream().filter(l -> l.account().equals(account)).forEach(l -> csv.append(t.id()).append(',')
                    .append(t.bookedAt()).append(',').append(t.type()).append(',').append(l.instrument())
                    .append(',').append(l.status()).append(',').append(l.delta()).append(',')
                    .append(field(t.initiator())).append('\n'));
        }
        return csv.toString();
    }

    private static String field(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
