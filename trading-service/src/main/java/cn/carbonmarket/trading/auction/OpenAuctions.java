package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.risk.OffBookCommitment;
import cn.carbonmarket.trading.risk.OffBookCommitments;
import cn.carbonmarket.trading.risk.ReservationKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What announced auctions still reserve: each seller's volume and each sealed bid's cash. Plain SQL, not Panache:
 * the risk view recovers on start, outside any request's reactive session.
 */
@ApplicationScoped
class OpenAuctions implements OffBookCommitments {

    private final Pool pool;

    OpenAuctions(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<OffBookCommitment>> open() {
        return pool.query("select id, seller, instrument, quantity, reserve_fen from auction where state = 'ANNOUNCED'"
                        + " order by id").execute()
                .flatMap(auctions -> pool.query("select b.id, b.bidder, a.instrument, b.price_fen, b.quantity"
                                + " from auction_bid b join auction a on a.id = b.auction_id"
                                + " where a.state = 'ANNOUNCED' order by b.id").execute()
                        .map(bids -> {
                            List<OffBookCommitment> open = new ArrayList<>();
                            auctions.forEach(a -> open.add(commitment(AuctionHouse.volumeKey(a.getLong("id")), a,
                                    "seller", Side.SELL, a.getLong("reserve_fen"))));
                            bids.forEach(b -> open.add(commitment(AuctionHouse.bidKey(b.getLong("id")), b,
                                    "bidder", Side.BUY, b.getLong("price_fen"))));
                            return open;
                        }));
    }

    private static OffBookCommitment commitment(ReservationKey.OffBook key, Row row, String party, Side side,
                                                long price) {
        return new OffBookCommitment(key, TradeMode.AUCTION, new PartyId(row.getUUID(party)),
                InstrumentCode.parse(row.getString("instrument")), side, price, row.getLong("quantity"));
    }
}
