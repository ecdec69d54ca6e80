package cn.carbonmarket.trading.risk;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** A source of open off-book reservations, read from its own tables when the risk view recovers. */
public interface OffBookCommitments {

    Uni<List<OffBookCommitment>> open();
}
