package cn.carbonmarket.trading.engine;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.rules.ListingRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A CEA-2025 engine on the national rules around a 100.00 CNY close, and the parties trading in it. */
final class EngineFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ListingRules RULES = TradingRulePack.load(JSON).listing(Jurisdiction.CN).orElseThrow();
    static final TradingCalendar CALENDAR = TradingCalendar.load(JSON);
    static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");
    static final long CLOSE = 10_000;
    /** Wednesday 2026-11-25 10:00 in Shanghai: the morning session. */
    static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    /** The same day 12:00 in Shanghai: the lunch break. */
    static final Instant LUNCH = Instant.parse("2026-11-25T04:00:00Z");
    static final PartyId ALICE = new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final PartyId BOB = new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    final List<Fill> fills = new ArrayList<>();
    final InstrumentEngine engine = new InstrumentEngine(CEA, RULES, CALENDAR, CLOSE, fills::add);
    private long nextId = 1;

    /** Checks and applies, as the service does; fails the test if the engine refuses. */
    OrderView run(Command command) {
        engine.check(command).ifPresent(refusal -> {
            throw new AssertionError("refused " + command + ": " + refusal);
        });
        return engine.apply(command);
    }

    Command.PlaceLimit limit(PartyId party, Side side, long price, long quantity) {
        long id = nextId++;
        return new Command.PlaceLimit(id, party, "c" + id, side, price, quantity, MORNING);
    }

    Command.TakeAtLevel take(PartyId party, Side side, int level, long quantity) {
        long id = nextId++;
        return new Command.TakeAtLevel(id, party, "c" + id, side, level, quantity, MORNING);
    }
}
