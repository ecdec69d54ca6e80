package cn.carbonmarket.trading.rules;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import java.util.List;
import java.util.Optional;

/**
 * One jurisdiction's trading rules: what its instruments trade by on this exchange.
 *
 * @param block       the block agreement rules, null where the jurisdiction has no block trading
 * @param calendar    the trading days with the jurisdiction's own sessions; a mode without sessions does not exist
 * @param unconfirmed the figures (as {@code section.rule}) whose source could not confirm them: taken as data all
 *                    the same, to be checked against the exchange's rules
 */
public record JurisdictionRules(Jurisdiction jurisdiction, ListingRules listing, BlockRules block,
                                AuctionRules auction, RiskRules risk, TradingCalendar calendar,
                                Eligibility eligibility, List<String> unconfirmed) {

    public JurisdictionRules {
        unconfirmed = List.copyOf(unconfirmed);
    }

    public Optional<BlockRules> blockRules() {
        return Optional.ofNullable(block);
    }
}
