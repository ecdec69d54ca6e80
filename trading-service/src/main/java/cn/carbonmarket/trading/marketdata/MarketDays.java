package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.rules.JurisdictionRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The market day of each jurisdiction: a pilot whose sessions close later than the national ones (Guangdong's at
 * 15:30) rolls its trading day over at its own close, so its late trades count for the day they were made.
 */
@ApplicationScoped
public class MarketDays {

    private final Map<Jurisdiction, MarketDay> days = new EnumMap<>(Jurisdiction.class);

    public MarketDays(TradingRulePack pack) {
        for (JurisdictionRules rules : pack.all()) {
            days.put(rules.jurisdiction(), new MarketDay(rules.calendar()));
        }
    }

    public MarketDay of(Jurisdiction jurisdiction) {
        MarketDay day = days.get(jurisdiction);
        if (day == null) {
            throw new IllegalStateException(jurisdiction + " has no trading rule pack, so no market day");
        }
        return day;
    }

    /** The trading day {@code at} counts for in the instrument's jurisdiction. */
    public LocalDate of(InstrumentCode instrument, Instant at) {
        return of(instrument.product().jurisdiction()).of(at);
    }
}
