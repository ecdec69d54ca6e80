package cn.carbonmarket.settlement.revenue;

import cn.carbonmarket.contracts.party.PartyId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The auctioneer's sales among the cleared trades (read by the partial index of auction trades per seller). */
@ApplicationScoped
public class AuctionRevenueStore {

    /** How many of the latest trades the report lists one by one; the days cover them all. */
    static final int ENTRIES = 500;

    private static final String SALES = " from cleared_trade where seller_id = $1 and mode = 'AUCTION'";

    Uni<List<AuctionRevenueView.Day>> days(SqlConnection conn, PartyId auctioneer) {
        return conn.preparedQuery("select trade_date, count(*) as trades, sum(quantity) as tonnes,"
                        + " sum(value_fen) as proceeds, sum(seller_fee_fen) as fees" + SALES
                        + " group by trade_date order by trade_date desc")
                .execute(Tuple.of(auctioneer.value()))
                .map(rows -> {
                    List<AuctionRevenueView.Day> days = new ArrayList<>();
                    rows.forEach(r -> days.add(new AuctionRevenueView.Day(r.getLocalDate("trade_date"),
                            r.getLong("trades"), r.getLong("tonnes"), r.getLong("proceeds"), r.getLong("fees"))));
                    return days;
                });
    }

    Uni<List<AuctionRevenueView.Entry>> latestEntries(SqlConnection conn, PartyId auctioneer) {
        return conn.preparedQuery("select trade_id, trade_date, buyer_id, instrument, quantity, price_fen, value_fen,"
                        + " seller_fee_fen, executed_at" + SALES
                        + " order by trade_date desc, executed_at desc, trade_id limit " + ENTRIES)
                .execute(Tuple.of(auctioneer.value()))
                .map(rows -> {
                    List<AuctionRevenueView.Entry> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(new AuctionRevenueView.Entry(r.getString("trade_id"),
                            r.getLocalDate("trade_date"), r.getUUID("buyer_id").toString(), r.getString("instrument"),
                            r.getLong("quantity"), r.getLong("price_fen"), r.getLong("value_fen"),
                            r.getLong("seller_fee_fen"), r.getOffsetDateTime("executed_at"))));
                    return entries;
                });
    }
}
