package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import cn.carbonmarket.platform.outbox.EventCodec;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.time.Duration;
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

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final RiskStore store;
    private final PreTradeRisk risk;

    public RegistryFeed(IdempotentConsumer consumer, EventCodec codec, RiskStore store, PreTradeRisk risk) {
        this.consumer = consumer;
        this.codec = codec;
        this.store = store;
        this.risk = risk;
    }

    @Incoming("registry-transactions")
    public Uni<Void> onTransaction(String json) {
        return codec.decodeIf(json, TransactionBooked.TYPE)
                .map(event -> risk.whenReady(() -> apply(event)))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> apply(EventEnvelope<TransactionBooked> event) {
        List<BalanceChange> moves = movesIntoTrading(event.payload());
        if (moves.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.pool().withTransaction(conn -> consumer.firstDeliveries(conn, CONSUMER, List.of(event))
                        .flatMap(fresh -> fresh.isEmpty() ? Uni.createFrom().item(List.<BalanceChange>of())
                                : Multi.createFrom().iterable(moves)
                                .onItem().transformToUniAndConcatenate(move -> store.unreported(conn, move)
                                        .map(added -> added ? List.of(move) : List.<BalanceChange>of()))
                                .collect().asList()
                                .map(added -> added.stream().flatMap(List::stream).toList())))
                .invoke(added -> added.forEach(risk.book()::unreported))
                .replaceWithVoid()
                // A lost connection or a serialization conflict passes on a retry; the transaction changed nothing.
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2)).atMost(5);
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
