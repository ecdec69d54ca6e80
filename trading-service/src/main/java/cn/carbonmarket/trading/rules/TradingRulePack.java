package cn.carbonmarket.trading.rules;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every jurisdiction's trading rules, read from rules/trading-rules.json (data with its sources, not code): the
 * national market's and each pilot's, whose instruments trade by their own jurisdiction's pack
 * ({@code instrument.product().jurisdiction()}). A jurisdiction without an entry does not trade here; an entry
 * that lacks a required rule is refused when the pack is read (see {@link RulePackReader}).
 */
public final class TradingRulePack {

    private static final String RESOURCE = "/rules/trading-rules.json";

    private final Map<Jurisdiction, JurisdictionRules> packs;

    public TradingRulePack(Map<Jurisdiction, JurisdictionRules> packs) {
        this.packs = packs.isEmpty() ? Map.of() : new EnumMap<>(packs);
    }

    public Optional<JurisdictionRules> rules(Jurisdiction jurisdiction) {
        return Optional.ofNullable(packs.get(jurisdiction));
    }

    public Collection<JurisdictionRules> all() {
        return packs.values();
    }

    public Optional<ListingRules> listing(Jurisdiction jurisdiction) {
        return rules(jurisdiction).map(JurisdictionRules::listing);
    }

    /** The jurisdiction's block agreement rules; empty where it has no block trading. */
    public Optional<BlockRules> block(Jurisdiction jurisdiction) {
        return rules(jurisdiction).flatMap(JurisdictionRules::blockRules);
    }

    public Optional<AuctionRules> auction(Jurisdiction jurisdiction) {
        return rules(jurisdiction).map(JurisdictionRules::auction);
    }

    /** The jurisdiction's pre-trade risk and surveillance numbers; every listing jurisdiction has them. */
    public Optional<RiskRules> risk(Jurisdiction jurisdiction) {
        return rules(jurisdiction).map(JurisdictionRules::risk);
    }

    /** The trading days with the jurisdiction's own sessions, and only the trading modes it has. */
    public Optional<TradingCalendar> calendar(Jurisdiction jurisdiction) {
        return rules(jurisdiction).map(JurisdictionRules::calendar);
    }

    /** Which party types may trade the jurisdiction's instruments. */
    public Optional<Eligibility> eligibility(Jurisdiction jurisdiction) {
        return rules(jurisdiction).map(JurisdictionRules::eligibility);
    }

    /** The pack, with the trading calendar whose sessions are the national ones. */
    public static TradingRulePack load(ObjectMapper mapper) {
        TradingCalendar national = TradingCalendar.load(mapper);
        try (InputStream in = TradingRulePack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return read(mapper.readTree(in), national);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trading rule pack", e);
        }
    }

    /** A pack from its JSON: an entry per jurisdiction, keyed by its code; keys starting with _ are comments. */
    static TradingRulePack read(JsonNode root, TradingCalendar national) {
        Map<Jurisdiction, JurisdictionRules> packs = new EnumMap<>(Jurisdiction.class);
        root.fields().forEachRemaining(entry -> {
            if (!entry.getKey().startsWith("_")) {
                Jurisdiction jurisdiction = Arrays.stream(Jurisdiction.values())
                        .filter(j -> j.name().equals(entry.getKey())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("trading rule pack " + entry.getKey()
                                + " is no jurisdiction; known: " + Arrays.toString(Jurisdiction.values())));
                packs.put(jurisdiction, RulePackReader.read(jurisdiction, entry.getValue(), national));
            }
        });
        return new TradingRulePack(packs);
    }
}
