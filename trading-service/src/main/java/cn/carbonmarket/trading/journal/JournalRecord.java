package cn.carbonmarket.trading.journal;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.contracts.trade.Side;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One accepted command as it stands in the journal (topic trading.orders, keyed by instrument): a small flat JSON
 * record whose {@code version} lets a later reader tell old records from new ones. Fields a command does not
 * have are left out. Trading's own record, read only by trading: the topic is the engine's memory, not an event
 * stream for other services.
 *
 * <p>Version 2 adds {@code epoch}, the exchange lease's epoch its writer held (version 1 records, written before
 * there was a lease, read as epoch 0), and the {@code EPOCH} record a new leader writes into every partition before
 * it reads the journal to its end: a record of an older epoch behind it is a deposed leader's late write and is
 * refused ({@link EpochFence}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalRecord(int version, Type type, String instrument, Long orderId, String party,
                            String clientOrderId, Side side, Long price, Integer level, Long quantity,
                            String operator, LocalDate closes, LocalDate opens, Instant at, Long epoch) {

    public static final int VERSION = 2;

    public enum Type { PLACE_LIMIT, TAKE_AT_LEVEL, CANCEL, HALT, RESUME, END_OF_DAY, EPOCH }

    public static JournalRecord of(InstrumentCode instrument, Command command, long epoch) {
        String code = instrument.toString();
        if (command instanceof Command.PlaceLimit p) {
            return new JournalRecord(VERSION, Type.PLACE_LIMIT, code, p.orderId(), p.party().toString(),
                    p.clientOrderId(), p.side(), p.price(), null, p.quantity(), null, null, null, p.at(), epoch);
        }
        if (command instanceof Command.TakeAtLevel t) {
            return new JournalRecord(VERSION, Type.TAKE_AT_LEVEL, code, t.orderId(), t.party().toString(),
                    t.clientOrderId(), t.side(), null, t.level(), t.quantity(), null, null, null, t.at(), epoch);
        }
        if (command instanceof Command.Cancel c) {
            return new JournalRecord(VERSION, Type.CANCEL, code, c.orderId(), null, null, null, null, null, null,
                    null, null, null, c.at(), epoch);
        }
        if (command instanceof Command.Halt h) {
            return new JournalRecord(VERSION, Type.HALT, code, null, null, null, null, null, null, null,
                    h.operator(), null, null, h.at(), epoch);
        }
        if (command instanceof Command.EndOfDay e) {
            return new JournalRecord(VERSION, Type.END_OF_DAY, code, null, null, null, null, null, null, null, null,
                    e.closes(), e.opens(), e.at(), epoch);
        }
        Command.Resume r = (Command.Resume) command;
        return new JournalRecord(VERSION, Type.RESUME, code, null, null, null, null, null, null, null, r.operator(),
                null, null, r.at(), epoch);
    }

    /** The mark a leader of {@code epoch} sets in a partition before it reads the journal's end (no instrument). */
    public static JournalRecord epochMark(long epoch, Instant at) {
        return new JournalRecord(VERSION, Type.EPOCH, null, null, null, null, null, null, null, null, null, null,
                null, at, epoch);
    }

    /** The writer's epoch; 0 for a record written before the exchange had a lease. */
    public long writtenInEpoch() {
        return epoch == null ? 0 : epoch;
    }

    /** Whether the record carries a command (an {@code EPOCH} mark does not). */
    public boolean carriesCommand() {
        return type != Type.EPOCH;
    }

    public InstrumentCode instrumentCode() {
        return InstrumentCode.parse(instrument);
    }

    /** The command this record journaled; a record of a version this reader does not know is refused. */
    public Command command() {
        if (version < 1 || version > VERSION) {
            throw new IllegalStateException("journal record version " + version + " is unknown to this reader");
        }
        return switch (type) {
            case PLACE_LIMIT -> new Command.PlaceLimit(orderId, PartyId.parse(party), clientOrderId, side, price,
                    quantity, at);
            case TAKE_AT_LEVEL -> new Command.TakeAtLevel(orderId, PartyId.parse(party), clientOrderId, side, level,
                    quantity, at);
            case CANCEL -> new Command.Cancel(orderId, at);
            case HALT -> new Command.Halt(operator, at);
            case RESUME -> new Command.Resume(operator, at);
            case END_OF_DAY -> new Command.EndOfDay(closes, opens, at);
            case EPOCH -> throw new IllegalStateException("an epoch mark is no command");
        };
    }
}
