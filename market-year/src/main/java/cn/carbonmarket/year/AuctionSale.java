package cn.carbonmarket.year;

import java.util.List;

/**
 * The year's one-way auction: an entity sells units to sealed bids above a reserve price.
 *
 * @param seller index into the scenario's entities
 */
public record AuctionSale(int seller, long quantity, long reserveFen, List<Bid> bids) {

    /** A sealed bid of a buyer (index into the scenario's traders). */
    public record Bid(int buyer, long priceFen, long quantity) {
    }
}
