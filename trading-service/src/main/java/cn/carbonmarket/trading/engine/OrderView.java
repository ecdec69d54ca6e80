package cn.carbonmarket.trading.engine;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.trade.Side;
import java.time.Instant;

/**
 * A copy of an order's state at one moment, safe to hand to other threads.
 *
 * @param price       limit price in fen, 0 for a take at a level
 * @param level       chosen counterparty level of a take, 0 for a limit order
 * @param filledValue fen traded (sum of price x quantity of its fills)
 * @param rejectedFor the book's reason when the state is REJECTED, else null
 * @param cancelReason why the book cancelled open quantity (a {@code CancelReason} name: requested, an
 *                     immediate-or-cancel remainder, self-trade prevented), else null; an expiry shows in the state
 */
public record OrderView(long orderId, PartyId party, String clientOrderId, InstrumentCode instrument, Side side,
                        long price, int level, long quantity, long filled, long open, long cancelled,
                        long filledValue, OrderState state, String rejectedFor, String cancelReason,
                        Instant placedAt) {
}
