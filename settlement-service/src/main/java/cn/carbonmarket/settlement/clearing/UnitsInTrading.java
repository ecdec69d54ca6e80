package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import cn.carbonmarket.settlement.ledger.Entries;
import cn.carbonmarket.settlement.ledger.LedgerCommand;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import cn.carbonmarket.settlement.ledger.TradingDay;
import cn.carbonmarket.settlement.reconciliation.RegistryInTradingStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the registry's moves of units into trading (TO_TRADING: a holding's AVAILABLE units become IN_TRADING):
 * each credits the party's units in the settlement ledger against the registry mirror, once per registry line. Every
 * transaction's IN_TRADING lines also feed the reconciliation's mirror of the registry's holdings.
 */
@ApplicationScoped
public class UnitsInTrading {

    static final String CONSUMER = "settlement.units-in-trading";

    private final IdempotentConsumer consumer;
    private final LedgerStore ledger;
    private final RegistryInTradingStore registry;
    private final Pool pool;
    private final Clock clock;

    public UnitsInTrading(IdempotentConsumer consumer, LedgerStore ledger, RegistryInTradingStore registry, Pool pool,
                          Clock clock) {
        this.consumer = consumer;
        this.ledger = ledger;
        this.registry = registry;
        this.pool = pool;
        this.clock = clock;
    }

    @Incoming("registry-transactions")
    public Uni<Void> onTransaction(String json) {
        return consumer.once(CONSUMER, json, TransactionBooked.TYPE, this::book);
    }

    static List<LedgerCommand> commandsOf(TransactionBooked booked) {
        List<LedgerCommand> commands = new ArrayList<>();
        if (!"TO_TRADING".equals(booked.type())) {
            return commands;
        }
        for (int i = 0; i < booked.lines().size(); i++) {
            TransactionBooked.Line line = booked.lines().get(i);
            if ("IN_TRADING".equals(line.status()) && line.delta() > 0 && line.partyId() != null) {
                commands.add(new LedgerCommand.Write(Entries.unitsIn(booked.transactionId() + "/" + i,
                        PartyId.parse(line.partyId()), line.instrument(), line.delta(),
                        TradingDay.of(booked.bookedAt()))));
            }
        }
        return commands;
    }

    /** The ledger's units and the mirror of the registry's IN_TRADING holdings move together. */
    Uni<Void> book(TransactionBooked booked) {
        List<LedgerCommand> commands = commandsOf(booked);
        Instant now = clock.instant();
        return pool.withTransaction(conn -> registry.mirror(conn, booked, now)
                        .chain(() -> commands.isEmpty() ? Uni.createFrom().voidItem()
                                : ledger.apply(conn, commands, now)
                                        .invoke(outcomes -> outcomes.forEach(LedgerStore.Outcome::orThrow))
                                        .replaceWithVoid()))
                .onFailure(LedgerStore::lostRace).retry().atMost(3);
    }
}
