package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.party.PartyId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the registry's moves of units into trading (TO_TRADING lines that raise an IN_TRADING holding): the units
 * count for sells at once, under the id of the settlement entry that will report them ({@code UNITS_IN:<registry
 * transaction>/<line>}, as settlement books them), unless settlement reported that entry first.
 */
@ApplicationScoped
public class RegistryFeed {

    static final String CONSUMER = "trading.registry-transactions";

    private final RiskFeed feed;
    private final RiskStore store;
    private final PreTradeRisk risk;

    public RegistryFeed(RiskFeed feed, RiskStore store, PreTradeRisk risk) {
        this.feed = feed;
        this.store = store;
        this.risk = risk;
    }

    @Incoming("registry-transactions")
    public Uni<Void> onTransaction(String json) {
        return feed.once(CONSUMER, json, TransactionBooked.TYPE, booked -> !movesIntoTrading(booked).isEmpty(),
                (conn, booked) -> Multi.createFrom().iterable(movesIntoTrading(booked))
                        .onItem().transformToUniAndConcatenate(move -> store.unreported(conn, move)
                                .map(added -> added ? List.of(move) : List.<BalanceChange>of()))
                        .collect().asList()
                        .map(added -> added.stream().flatMap(List::stream).toList()),
                added -> added.forEach(risk.book()::unreported));
    }

    static List<BalanceChange> movesIntoTrading(TransactionBooked booked) {
        List<BalanceChange> moves = new ArrayList<>();
        if (!"TO_TRADING".equals(booked.type())) {
            return moves;
        }
        for (int i = 0; i < booked.lines().size(); i++) {
            TransactionBooked.Line line = booked.lines().get(i);
            if ("IN_TRADING".equals(line.status()) && line.delta() > 0 && line.partyId() != null) {
                moves.add(new BalanceChange(PartyId.parse(line.partyId()), "UNITS_IN:" + booked.transactionId()
                        + "/" + i, line.instrument().toString(), line.delta()));
            }
        }
        return moves;
    }
}
