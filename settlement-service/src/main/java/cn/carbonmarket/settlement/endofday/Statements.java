package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.NotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A party's statement of a trade date: its cleared trades and the run's net positions, once the run is made. */
@ApplicationScoped
public class Statements {

    private final Pool pool;

    public Statements(Pool pool) {
        this.pool = pool;
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
        return pool.withTransaction(conn -> conn.preparedQuery("select run_id from clearing_run where trade_date = $1")
                .execute(Tuple.of(tradeDate))
                .flatMap(runs -> {
                    if (runs.size() == 0) {
                        return Uni.createFrom().failure(new NotFoundException("CLEARING_RUN_NOT_FOUND",
                                "the clearing run of " + tradeDate + " is not made yet"));
                    }
                    String runId = runs.iterator().next().getString("run_id");
                    return conn.preparedQuery("select trade_id, case when buyer_id = $1 then 'BUY' else 'SELL' end"
                                    + " as side, instrument, quantity, price_fen, value_fen, case when buyer_id = $1"
                                    + " then buyer_fee_fen else seller_fee_fen end as fee_fen, mode, executed_at"
                                    + " from cleared_trade where trade_date = $2 and (buyer_id = $1 or seller_id = $1)"
                                    + " order by executed_at, trade_id")
                            .execute(Tuple.of(party.value(), tradeDate))
                            .flatMap(trades -> conn.preparedQuery("select instrument, net_units, net_cash_fen from"
                                            + " net_position where run_id = $1 and party_id = $2 order by instrument")
                                    .execute(Tuple.of(runId, party.value()))
                                    .map(nets -> {
                                        List<Line> lines = new ArrayList<>();
                                        trades.forEach(r -> lines.add(new Line(r.getString("trade_id"),
                                                r.getString("side"), r.getString("instrument"), r.getLong("quantity"),
                                                r.getLong("price_fen"), r.getLong("value_fen"), r.getLong("fee_fen"),
                                                r.getString("mode"), r.getOffsetDateTime("executed_at"))));
                                        List<Net> net = new ArrayList<>();
                                        nets.forEach(r -> net.add(new Net(r.getString("instrument"),
                                                r.getLong("net_units"), r.getLong("net_cash_fen"))));
                                        return new Statement(party.toString(), tradeDate, runId, lines, net,
                                                net.stream().mapToLong(Net::netCashFen).sum(),
                                                lines.stream().mapToLong(Line::feeFen).sum());
                                    }));
                }));
    }

    /** The statement as CSV: one TRADE row per trade, then one NET row per instrument. */
    public static String csv(Statement statement) {
        StringBuilder csv = new StringBuilder("record,trade_id,side,instrument,quantity,price_fen,value_fen,fee_fen,"
                + "mode,executed_at,net_units,net_cash_fen\n");
        statement.trades().forEach(l -> csv.append(String.join(",", "TRADE", l.tradeId(), l.side(), l.instrument(),
                Long.toString(l.quantity()), Long.toString(l.priceFen()), Long.toString(l.valueFen()),
                Long.toString(l.feeFen()), l.mode(), l.executedAt().toInstant().toString(), "", "")).append('\n'));
        statement.net().forEach(n -> csv.append(String.join(",", "NET", "", "", n.instrument(), "", "", "", "", "", "",
                Long.toString(n.netUnits()), Long.toString(n.netCashFen()))).append('\n'));
        return csv.toString();
    }
}
