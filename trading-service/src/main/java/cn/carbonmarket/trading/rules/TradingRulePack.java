package cn.carbonmarket.trading.rules;

import cn.carbonmarket.contracts.party.Jurisdiction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every jurisdiction's trading rules, read from rules/trading-rules.json (data with its sources, not code). A
 * jurisdiction without an entry does not trade on the national exchange.
 */
public final class TradingRulePack {

    private static final String RESOURCE = "/rules/trading-rules.json";

    private final Map<Jurisdiction, ListingRules> listing;
    private final Map<Jurisdiction, BlockRules> block;
    private final Map<Jurisdiction, AuctionRules> auction;
    private final Map<Jurisdiction, RiskRules> risk;

    public TradingRulePack(Map<Jurisdiction, ListingRules> listing, Map<Jurisdiction, BlockRules> block,
                           Map<Jurisdiction, AuctionRules> auction, Map<Jurisdiction, RiskRules> risk) {
        this.listing = listing.isEmpty() ? Map.of() : new EnumMap<>(listing);
        this.block = block.isEmpty() ? Map.of() : new EnumMap<>(block);
        this.auction = auction.isEmpty() ? Map.of() : new EnumMap<>(auction);
        this.risk = risk.isEmpty() ? Map.of() : new EnumMap<>(risk);
    }

    public Optional<ListingRules> listing(Jurisdiction jurisdiction) {
        return Optional.ofNullable(listing.get(jurisdiction));
    }

    public Optional<BlockRules> block(Jurisdiction jurisdiction) {
        return Optional.ofNullable(block.get(jurisdiction));
    }

    public Optional<AuctionRules> auction(Jurisdiction jurisdiction) {
        return Optional.ofNullable(auction.get(jurisdiction));
    }

    /** The jurisdiction's pre-trade risk and surveillance numbers; every listing jurisdiction has them. */
    public Optional<RiskRules> risk(Jurisdiction jurisdiction) {
        return Optional.ofNullable(risk.get(jurisdiction));
    }

    public static TradingRulePack load(ObjectMapper mapper) {
        try (InputStream in = TradingRulePack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = mapper.readTree(in);
            Map<Jurisdiction, ListingRules> listing = new EnumMap<>(Jurisdiction.class);
            Map<Jurisdiction, BlockRules> block = new EnumMap<>(Jurisdiction.class);
            Map<Jurisdiction, AuctionRules> auction = new EnumMap<>(Jurisdiction.class);
            Map<Jurisdiction, RiskRules> risk = new EnumMap<>(Jurisdiction.class);
            for (Jurisdiction jurisdiction : Jurisdiction.values()) {
                JsonNode node = root.get(jurisdiction.name());
                if (node != null) {
                    listing.put(jurisdiction, listing(jurisdiction, node.required("listing")));
                    block.put(jurisdiction, block(jurisdiction, node.required("block")));
                    auction.put(jurisdiction, auction(jurisdiction, node.required("auction")));
                    risk.put(jurisdiction, risk(jurisdiction, node.required("risk")));
                }
            }
            return new TradingRulePack(listing, block, auction, risk);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trading rule pack", e);
        }
    }

    private static ListingRules listing(Jurisdiction jurisdiction, JsonNode node) {
        return new ListingRules(number(node, "tickFen"), number(node, "quantityStepTonnes"),
                number(node, "minQuantityTonnes"), number(node, "maxQuantityTonnes"),
                number(node, "dailyBandBasisPoints"), Math.toIntExact(number(node, "counterpartyLevels")),
                sources(jurisdiction + " listing", node));
    }

    private static BlockRules block(Jurisdiction jurisdiction, JsonNode node) {
        return new BlockRules(number(node, "minQuantityTonnes"), number(node, "dailyBandBasisPoints"),
                sources(jurisdiction + " block", node));
    }

    private static AuctionRules auction(Jurisdiction jurisdiction, JsonNode node) {
        return new AuctionRules(Duration.ofMinutes(number(node, "minBidWindowMinutes")),
                Duration.ofMinutes(number(node, "maxBidWindowMinutes")), number(node, "maxQuantityTonnes"),
                Math.toIntExact(number(node, "maxBidsPerBidder")), sources(jurisdiction + " auction", node));
    }

    private static RiskRules risk(Jurisdiction jurisdiction, JsonNode node) {
        return new RiskRules(number(node, "positionLimitTonnes"), number(node, "largeTraderThresholdTonnes"),
                number(node, "abnormalMoveBandShareBasisPoints"), number(node, "abnormalMoveWindowSeconds"),
                sources(jurisdiction + " risk", node));
    }

    /** Every rule of a section with the source it names; a rule without one is refused. */
    private static Map<String, String> sources(String section, JsonNode node) {
        Map<String, String> sources = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String source = entry.getValue().path("source").asText("");
            if (source.isBlank()) {
                throw new IllegalStateException(section + "." + entry.getKey() + " names no source");
            }
            sources.put(entry.getKey(), source);
        });
        return sources;
    }

    private static long number(JsonNode rules, String name) {
        return whole(rules.required(name).required("value"), name);
    }

    private static long whole(JsonNode value, String name) {
        if (!value.isIntegralNumber()) {
            throw new IllegalStateException("rule " + name + " must be a whole number, not " + value);
        }
        return value.longValue();
    }
}
