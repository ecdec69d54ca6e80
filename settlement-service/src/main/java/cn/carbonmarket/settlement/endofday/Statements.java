package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.settlement.clearing.ClearedTradeStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A party's statement of a trade date: its cleared trades and the run's net positions, once the run is made. */
@ApplicationScoped
public class Statements {

    private final Pool pool;
    private final ClearingRunStore runs;
    private final ClearedTradeStore trades;

    public Statements(Pool pool, ClearingRunStore runs, ClearedTradeStore trades) {
        this.pool = pool;
        this.runs = runs;
        this.trades = trades;
    }

    public record Line(String tradeId, String side, String instrument, long quantity, long priceFen, long valueFen,
                       long feeFen, String mode, OffsetDateTime executedAt) {
    }

    public record Net(String instrument, long netUnits, long netCashFen) {
    }

    public record Statement(String partyId, LocalDate tradeDate, String runId, List<Line> trades, List<Net> net,
                            long netCashFen, long feesFen) {
    }

    public Uni<Statement> of(PartyId party, LocalDate tradeDate) {
        return pool.withTransaction(conn -> runs.runIdOf(conn, tradeDate)
                .flatMap(runId -> {
                    if (runId == null) {
                        return Uni.createFrom().failure(new NotFoundException("CLEARING_RUN_NOT_FOUND",
                                "the clearing run of " + tradeDate + " is not made yet"));
                    }
                    return trades.statementLines(conn, party, tradeDate)
                            .flatMap(lines -> runs.netOf(conn, runId, party)
                                    .map(net -> new Statement(party.toString(), tradeDate, runId, lines, net,
                                            net.stream().mapToLong(Net::netCashFen).sum(),
                                            lines.stream().mapToLong(Line::feeFen).sum())));
                }));
    }
}
