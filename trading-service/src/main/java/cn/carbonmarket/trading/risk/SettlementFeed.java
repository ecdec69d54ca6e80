package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.LedgerEntryPosted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows settlement's ledger: each event carries a party's balances after an entry, which replace what risk
 * knew (available cash, units per instrument), and reports the entry, so the changes trading kept for it and the
 * withdrawal holds waiting for it end.
 */
@ApplicationScoped
public class SettlementFeed {

    static final String CONSUMER = "trading.settlement-ledger";
    private static final String UNITS_IN = "UNITS_IN";

    private final RiskFeed feed;
    private final RiskStore store;
    private final PreTradeRisk risk;

    public SettlementFeed(RiskFeed feed, RiskStore store, PreTradeRisk risk) {
        this.feed = feed;
        this.store = store;
        this.risk = risk;
    }

    @Incoming("settlement-ledger")
    public Uni<Void> onLedgerEvent(String json) {
        return feed.once(CONSUMER, json, LedgerEntryPosted.TYPE, entry -> true,
                (conn, entry) -> store.reported(conn, entry.partyId(), entry.entryIds(), unitsIn(entry),
                        balances(entry)).replaceWith(entry),
                entry -> risk.book().reported(entry.partyId(), entry.entryIds(), balances(entry)));
    }

    /** The moves into trading among the entries the event reports (a cleared batch reports many entries at once). */
    static List<String> unitsIn(LedgerEntryPosted entry) {
        return entry.entryIds().stream().filter(id -> id.startsWith(UNITS_IN + ":")).toList();
    }

    /** What may be spent or delivered: available cash and units per instrument; other accounts are settlement's. */
    static Map<String, Long> balances(LedgerEntryPosted entry) {
        Map<String, Long> balances = new TreeMap<>();
        for (LedgerEntryPosted.Balance balance : entry.balances()) {
            if ("CASH_AVAILABLE".equals(balance.account()) || "UNITS".equals(balance.account())) {
                balances.put(balance.asset(), balance.available());
            }
        }
        return balances;
    }
}
