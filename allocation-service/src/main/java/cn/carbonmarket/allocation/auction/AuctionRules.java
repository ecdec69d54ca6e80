package cn.carbonmarket.allocation.auction;

import static cn.carbonmarket.allocation.rules.RuleFile.figure;

import cn.carbonmarket.allocation.reserve.ReserveRules;
import cn.carbonmarket.allocation.rules.RuleFile;
import cn.carbonmarket.contracts.party.PartyType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The primary auctions' part of rules/auction-rules.json per benchmark pack (its {@code auction} section; the
 * stability reserve's designs are {@link ReserveRules}). A missing or malformed figure stops the service.
 */
public final class AuctionRules {

    private final Map<String, AuctionRule> rules;

    private AuctionRules(Map<String, AuctionRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public Optional<AuctionRule> of(String pack) {
        return Optional.ofNullable(rules.get(pack));
    }

    public static AuctionRules load(ObjectMapper mapper) {
        return new AuctionRules(RuleFile.read(mapper, ReserveRules.RESOURCE, AuctionRules::rule));
    }

    private static AuctionRule rule(String pack, JsonNode node) {
        JsonNode auction = node.required("auction");
        JsonNode reserve = auction.required("reservePrice");
        return new AuctionRule(pack, figure(auction.required("lotTonnes")), figure(auction.required("bidderCapShare")),
                eligibility(auction.required("eligibleTypes")), figure(auction.required("maxVolumeLots")),
                figure(auction.required("minBidWindowMinutes")), figure(auction.required("maxBidWindowMinutes")),
                new AuctionRule.ReservePriceRule(figure(reserve.required("floorFen")),
                        figure(reserve.required("marketShare")), figure(reserve.required("tradingDays"))),
                figure(auction.required("carryOverAuctions")), lead(auction.required("autoPrepareLead")));
    }

    private static AuctionRule.Eligibility eligibility(JsonNode node) {
        Set<PartyType> types = EnumSet.noneOf(PartyType.class);
        node.required("value").forEach(type -> types.add(PartyType.parse(type.asText())));
        if (types.isEmpty()) {
            throw new IllegalStateException("rule eligibleTypes names no party type");
        }
        return new AuctionRule.Eligibility(types, node.required("source").asText(),
                node.required("confirmed").asBoolean());
    }

    private static AuctionRule.Lead lead(JsonNode node) {
        Duration lead = Duration.parse(node.required("value").asText());
        if (lead.isNegative()) {
            throw new IllegalStateException("rule autoPrepareLead is not a lead time: " + lead);
        }
        return new AuctionRule.Lead(lead, node.required("source").asText(), node.required("confirmed").asBoolean());
    }
}
