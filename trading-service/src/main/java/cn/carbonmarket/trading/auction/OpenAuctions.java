package cn.carbonmarket.trading.auction;

import cn.carbonmarket.trading.risk.OffBookCommitment;
import cn.carbonmarket.trading.risk.OffBookCommitments;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What announced auctions still reserve, for the risk view that recovers on start. */
@ApplicationScoped
class OpenAuctions implements OffBookCommitments {

    private final Pool pool;

    OpenAuctions(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<OffBookCommitment>> open() {
        return Auction.openCommitments(pool);
    }
}
