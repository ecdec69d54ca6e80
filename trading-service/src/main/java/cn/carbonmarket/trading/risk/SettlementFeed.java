package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.LedgerEntryPosted;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import cn.carbonmarket.platform.outbox.EventCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows settlement's ledger: each event carries a party's balances after an entry, which replace what risk
 * knew (available cash, units per instrument), and reports the entry, so the changes trading kept for it and the
 * withdrawal holds waiting for it end. Once per event id, stored before memory changes.
 */
@ApplicationScoped
public class SettlementFeed {

    static final String CONSUMER = "trading.settlement-ledger";
    private static final String UNITS_IN = "UNITS_IN";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final RiskStore store;
    private final PreTradeRisk risk;

    public SettlementFeed(IdempotentConsumer consumer, EventCodec codec, RiskStore store, PreTradeRisk risk) {
        this.consumer = consumer;
        this.codec = codec;
        this.store = store;
        this.risk = risk;
    }

    @Incoming("settlement-ledger")
    public Uni<Void> onLedgerEvent(String json) {
        return codec.decodeIf(json, LedgerEntryPosted.TYPE)
                .map(event -> risk.whenReady(() -> apply(event)))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> apply(EventEnvelope<LedgerEntryPosted> event) {
        LedgerEntryPosted entry = event.payload();
        Map<String, Long> balances = balances(entry);
        return store.pool().withTransaction(conn -> consumer.firstDeliveries(conn, CONSUMER, List.of(event))
                        .flatMap(fresh -> fresh.isEmpty() ? Uni.createFrom().item(false)
                                : store.reported(conn, entry.partyId(), entry.entryId(),
                                        UNITS_IN.equals(entry.entryType()), balances).replaceWith(true)))
                .invoke(fresh -> {
                    if (fresh) {
                        risk.book().reported(entry.partyId(), entry.entryId(), balances);
                    }
                })
                .replaceWithVoid()
                // A lost connection or a serialization conflict passes on a retry; the transaction changed nothing.
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2)).atMost(5);
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
