package cn.carbonmarket.trading.block;

import io.smallrye.mutiny.Uni;

/**
 * The seam between block and auction trading and what follows a trade (the {@code trading.trades} event for
 * settlement, volume statistics). Every bean implementing it is called once per trade, inside the database
 * transaction that makes the trade; a failure rolls the trade back.
 */
public interface OffBookTrades {

    Uni<Void> executed(OffBookTrade trade);
}
