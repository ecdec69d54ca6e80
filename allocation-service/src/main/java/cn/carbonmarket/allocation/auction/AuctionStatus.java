package cn.carbonmarket.allocation.auction;

/**
 * Where a primary auction stands. Each step is taken once, by the regulator or by the answer that causes it, and
 * never back; the exchange's outcome (CLEARED or CANCELLED) is kept beside the status.
 *
 * <pre>
 * SCHEDULED -> SUPPLYING -> IN_TRADING -> ANNOUNCED -> RETURNING -> COMPLETED
 *     |            |                          \________________________/^
 *     v            v                           (closed with nothing to return)
 * WITHDRAWN   SUPPLY_REFUSED (prepared again: SUPPLYING)
 * </pre>
 */
public enum AuctionStatus {
    /** In the calendar; its volume may still grow by carry-over. */
    SCHEDULED,
    /** Taken out of the calendar by the regulator before preparation; its carried-over lots moved on. */
    WITHDRAWN,
    /** Prepared: reserve price and supply fixed, AuctionSupply sent to the registry. */
    SUPPLYING,
    /** The registry refused the supply (nothing booked); it may be prepared again. */
    SUPPLY_REFUSED,
    /** The registry booked the units into trading; PrimaryAuctionRequested sent to the exchange. */
    IN_TRADING,
    /** The exchange announced it (its auction id is kept). */
    ANNOUNCED,
    /** Closed, result published; unsold units on their way back, not all booked yet. */
    RETURNING,
    /** Closed and every return booked (or nothing to return). */
    COMPLETED
}
