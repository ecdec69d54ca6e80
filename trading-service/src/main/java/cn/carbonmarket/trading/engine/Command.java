package cn.carbonmarket.trading.engine;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.Side;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What an {@link InstrumentEngine} is told to do. Every accepted command is journaled exactly as it is here, so
 * replaying the journal's commands in order rebuilds the engine: commands carry everything the engine needs
 * (the order id the service assigned, the time it was accepted) and nothing it would look up elsewhere.
 */
public sealed interface Command {

    Instant at();

    /** A limit order: trades against every crossing resting order, then rests with what is left. */
    record PlaceLimit(long orderId, PartyId party, String clientOrderId, Side side, long price, long quantity,
                      Instant at) implements Command {
    }

    /** The listing-agreement execution: immediate-or-cancel at the counterparty's {@code level}-th best price. */
    record TakeAtLevel(long orderId, PartyId party, String clientOrderId, Side side, int level, long quantity,
                       Instant at) implements Command {
    }

    /** Cancels the open remainder of a resting order. */
    record Cancel(long orderId, Instant at) implements Command {
    }

    /** The exchange operator stops trading in the instrument; resting orders stay and may be cancelled. */
    record Halt(String operator, Instant at) implements Command {
    }

    record Resume(String operator, Instant at) implements Command {
    }

    /**
     * The end of trading day {@code closes}: open orders expire, its close becomes the previous close of
     * {@code opens} (the next trading day the market clock has reached) and the book starts empty.
     */
    record EndOfDay(LocalDate closes, LocalDate opens, Instant at) implements Command {
    }
}
