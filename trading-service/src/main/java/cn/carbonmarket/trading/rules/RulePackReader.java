package cn.carbonmarket.trading.rules;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.trading.calendar.SessionWindow;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.calendar.TradingMode;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one jurisdiction's entry of the rule pack and refuses an incomplete one with a message naming what is
 * missing, so that a pack lacking a rule stops the exchange at start rather than trading by a guess. Required:
 * {@code listing}, {@code auction}, {@code risk}, {@code sessions} (with LISTING) and {@code eligibility}, and a
 * {@code block} section exactly where BLOCK sessions exist. Every rule names its source; {@code "confirmed": false}
 * marks a figure its source could not confirm.
 */
final class RulePackReader {

    /** The entries a pack may have besides comments (keys starting with _). */
    private static final Set<String> SECTIONS = Set.of("exchange", "listing", "block", "auction", "risk", "sessions",
            "eligibility");

    private final Jurisdiction jurisdiction;
    private final JsonNode pack;
    private final TradingCalendar national;
    private final List<String> unconfirmed = new ArrayList<>();

    private RulePackReader(Jurisdiction jurisdiction, JsonNode pack, TradingCalendar national) {
        this.jurisdiction = jurisdiction;
        this.pack = pack;
        this.national = national;
    }

    /** @param national the trading calendar, whose sessions are the national market's */
    static JurisdictionRules read(Jurisdiction jurisdiction, JsonNode pack, TradingCalendar national) {
        return new RulePackReader(jurisdiction, pack, national).read();
    }

    private JurisdictionRules read() {
        pack.fieldNames().forEachRemaining(name -> {
            if (!name.startsWith("_") && !SECTIONS.contains(name)) {
                throw incomplete("has an entry '" + name + "' that is no rule section; known: " + SECTIONS);
            }
        });
        ListingRules listing = listing(section("listing"));
        TradingCalendar calendar = national.withSessions(sessions(section("sessions")));
        BlockRules block = block(calendar);
        AuctionRules auction = auction(section("auction"));
        RiskRules risk = risk(section("risk"));
        Eligibility eligibility = eligibility(section("eligibility"));
        return new JurisdictionRules(jurisdiction, listing, block, auction, risk, calendar, eligibility, unconfirmed);
    }

    private ListingRules listing(JsonNode node) {
        return valid(() -> new ListingRules(number(node, "listing", "tickFen"),
                number(node, "listing", "quantityStepTonnes"), number(node, "listing", "minQuantityTonnes"),
                number(node, "listing", "maxQuantityTonnes"), number(node, "listing", "dailyBandBasisPoints"),
                Math.toIntExact(number(node, "listing", "counterpartyLevels")), sources("listing", node)));
    }

    /** Block agreement rules where the jurisdiction has block sessions, and only there. */
    private BlockRules block(TradingCalendar calendar) {
        JsonNode node = pack.get("block");
        boolean sessions = calendar.offers(TradingMode.BLOCK);
        if (node == null && sessions) {
            throw incomplete("has BLOCK sessions but no 'block' entry (threshold and band)");
        }
        if (node != null && !sessions) {
            throw incomplete("has a 'block' entry but no BLOCK sessions: say when block trading is open");
        }
        return node == null ? null : valid(() -> new BlockRules(number(node, "block", "minQuantityTonnes"),
                number(node, "block", "dailyBandBasisPoints"), sources("block", node)));
    }

    private AuctionRules auction(JsonNode node) {
        return valid(() -> new AuctionRules(Duration.ofMinutes(number(node, "auction", "minBidWindowMinutes")),
                Duration.ofMinutes(number(node, "auction", "maxBidWindowMinutes")),
                number(node, "auction", "maxQuantityTonnes"),
                Math.toIntExact(number(node, "auction", "maxBidsPerBidder")), sources("auction", node)));
    }

    private RiskRules risk(JsonNode node) {
        return valid(() -> new RiskRules(number(node, "risk", "positionLimitTonnes"),
                number(node, "risk", "largeTraderThresholdTonnes"),
                number(node, "risk", "abnormalMoveBandShareBasisPoints"),
                number(node, "risk", "abnormalMoveWindowSeconds"), sources("risk", node)));
    }

    /**
     * The windows of each trading mode the jurisdiction has, in local time; {@code "national": true} takes the
     * calendar's national windows of that mode (where the jurisdiction's own hours are not published).
     */
    private Map<TradingMode, List<SessionWindow>> sessions(JsonNode node) {
        sources("sessions", node);
        Map<TradingMode, List<SessionWindow>> sessions = new EnumMap<>(TradingMode.class);
        node.fields().forEachRemaining(entry -> {
            TradingMode mode = mode(entry.getKey());
            JsonNode windows = entry.getValue().get("windows");
            if (entry.getValue().path("national").asBoolean(false)) {
                sessions.put(mode, national.sessions(mode));
            } else if (windows != null && windows.isArray() && !windows.isEmpty()) {
                List<SessionWindow> own = new ArrayList<>();
                windows.forEach(window -> own.add(window(mode, window)));
                sessions.put(mode, own);
            } else {
                throw incomplete("sessions." + mode + " gives neither 'windows' nor \"national\": true");
            }
        });
        if (!sessions.containsKey(TradingMode.LISTING)) {
            throw incomplete("has no LISTING sessions: its instruments could never trade");
        }
        return sessions;
    }

    private TradingMode mode(String name) {
        try {
            return TradingMode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw incomplete("sessions name an unknown trading mode '" + name + "'; known: "
                    + EnumSet.allOf(TradingMode.class));
        }
    }

    private SessionWindow window(TradingMode mode, JsonNode window) {
        try {
            return new SessionWindow(LocalTime.parse(window.get(0).asText()), LocalTime.parse(window.get(1).asText()));
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw incomplete("sessions." + mode + " has a window " + window + " that is not [\"HH:MM\", \"HH:MM\"]"
                    + " opening before it closes");
        }
    }

    private Eligibility eligibility(JsonNode node) {
        Map<String, String> sources = sources("eligibility", node);
        JsonNode types = entry(node, "eligibility", "partyTypes").get("value");
        if (types == null || !types.isArray() || types.isEmpty()) {
            throw incomplete("eligibility.partyTypes names no party type");
        }
        Set<PartyType> admitted = EnumSet.noneOf(PartyType.class);
        for (JsonNode type : types) {
            try {
                admitted.add(PartyType.parse(type.asText()));
            } catch (InvalidValueException e) {
                throw incomplete("eligibility.partyTypes: " + e.getMessage());
            }
        }
        return new Eligibility(jurisdiction, admitted, sources.get("partyTypes"));
    }

    private JsonNode section(String name) {
        JsonNode node = pack.get(name);
        if (node == null || !node.isObject()) {
            throw incomplete("has no '" + name + "' entry; every pack needs listing, sessions, eligibility, auction"
                    + " and risk, and block where it has BLOCK sessions");
        }
        return node;
    }

    private JsonNode entry(JsonNode node, String section, String name) {
        JsonNode entry = node.get(name);
        if (entry == null) {
            throw incomplete(section + " has no '" + name + "'");
        }
        return entry;
    }

    private long number(JsonNode node, String section, String name) {
        JsonNode value = entry(node, section, name).get("value");
        if (value == null || !value.isIntegralNumber()) {
            throw incomplete(section + "." + name + " must be a whole number, not " + value);
        }
        return value.longValue();
    }

    /** Every rule of a section with the source it names; a rule without one is refused. */
    private Map<String, String> sources(String section, JsonNode node) {
        Map<String, String> sources = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String source = entry.getValue().path("source").asText("");
            if (source.isBlank()) {
                throw incomplete(section + "." + entry.getKey() + " names no source");
            }
            JsonNode confirmed = entry.getValue().path("confirmed");
            if (!confirmed.isMissingNode() && !confirmed.isBoolean()) {
                throw incomplete(section + "." + entry.getKey() + ": confirmed is true or false, not " + confirmed);
            }
            if (!confirmed.asBoolean(true)) {
                unconfirmed.add(section + "." + entry.getKey());
            }
            sources.put(entry.getKey(), source);
        });
        return sources;
    }

    /** A section's numbers as its rules object, whose own consistency check names the jurisdiction on failure. */
    private <T> T valid(Supplier<T> rules) {
        try {
            return rules.get();
        } catch (IllegalArgumentException e) {
            throw incomplete(e.getMessage());
        }
    }

    private IllegalStateException incomplete(String what) {
        return new IllegalStateException("trading rule pack " + jurisdiction + " " + what);
    }
}
