package cn.carbonmarket.registry.account;

import cn.carbonmarket.registry.csv.CsvTable;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import java.util.List;

/** An account statement as CSV: one row per line of the account, with its transaction's columns. */
final class StatementCsv {

    private StatementCsv() {
    }

    static String render(String account, List<BookedTransaction> transactions) {
        CsvTable csv = new CsvTable("transaction_id", "booked_at", "type", "instrument", "status", "delta",
                "initiator");
        for (BookedTransaction t : transactions) {
            t.lines().stream().filter(l -> l.account().equals(account)).forEach(l -> csv.row(t.id(), t.bookedAt(),
                    t.type(), l.instrument(), l.status(), l.delta(), t.initiator()));
        }
        return csv.render();
    }
}
