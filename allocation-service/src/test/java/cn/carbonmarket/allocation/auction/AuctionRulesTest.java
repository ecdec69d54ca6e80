package cn.carbonmarket.allocation.auction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.PartyType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The auction rules of every pack, as the pack gives them. */
class AuctionRulesTest {

    private static final AuctionRules RULES = AuctionRules.load(new ObjectMapper());

    @Test
    void everyPackCarriesTheAuctionFigures() {
        for (String pack : List.of("CN-2019-2020", "CN-2021", "CN-2022")) {
            AuctionRule rule = RULES.of(pack).orElseThrow();
            assertThat(rule.lot()).isEqualTo(1_000);
            assertThat(rule.lotTonnes().confirmed()).isFalse();
            assertThat(rule.bidderCapShare().value()).isEqualByComparingTo("0.25");
            assertThat(rule.bidderCapShare().confirmed()).isTrue();
            assertThat(rule.eligibleTypes().value()).containsExactlyInAnyOrder(PartyType.COMPLIANCE_ENTITY,
                    PartyType.INSTITUTION);
            assertThat(rule.reservePrice().floorFen().value()).isEqualByComparingTo("2000");
            assertThat(rule.reservePrice().marketShare().value()).isEqualByComparingTo("0.8");
            assertThat(rule.reservePrice().days()).isEqualTo(20);
            assertThat(rule.carryOverCount()).isEqualTo(4);
            assertThat(rule.carryOverAuctions().confirmed()).isTrue();
            assertThat(rule.autoPrepareLead().value()).isEqualTo(Duration.ofHours(1));
        }
    }
}
