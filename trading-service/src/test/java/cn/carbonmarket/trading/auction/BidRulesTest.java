package cn.carbonmarket.trading.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.platform.problem.RuleViolationException;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bid against a primary auction's terms: reserve 9,000 fen, lots of 100 t, 10,000 t offered, cap 2,500 t. */
class BidRulesTest {

    private static final BidRules PRIMARY = new BidRules(9_000, 100, 10_000, 2_500L,
            EnumSet.of(PartyType.COMPLIANCE_ENTITY, PartyType.INSTITUTION), 5);
    private static final BidRules OPERATORS = new BidRules(9_000, 1, 10_000, null, null, 5);

    @Test
    void aBiddersBidsTogetherAskForAtMostTheCap() {
        // 1,000 t and 1,000 t placed: 500 t more reach the cap exactly, 600 t would be 2,600 t.
        assertThatCode(() -> PRIMARY.check(PartyType.INSTITUTION, List.of(1_000L, 1_000L), 9_000, 500))
                .doesNotThrowAnyException();
        refused(() -> PRIMARY.check(PartyType.INSTITUTION, List.of(1_000L, 1_000L), 9_000, 600), "ABOVE_BIDDER_CAP");
        refused(() -> PRIMARY.check(PartyType.INSTITUTION, List.of(), 9_500, 2_600), "ABOVE_BIDDER_CAP");
        assertThatCode(() -> OPERATORS.check(null, List.of(4_000L), 9_000, 10_000))
                .as("no cap: each bid up to the volume").doesNotThrowAnyException();
    }

    @Test
    void onlyPartiesOfTheEligibleTypesBid() {
        refused(() -> PRIMARY.check(PartyType.INDIVIDUAL, List.of(), 9_000, 100), "NOT_ELIGIBLE");
        refused(() -> PRIMARY.check(null, List.of(), 9_000, 100), "NOT_ELIGIBLE");
        assertThatCode(() -> PRIMARY.check(PartyType.COMPLIANCE_ENTITY, List.of(), 9_000, 100))
                .doesNotThrowAnyException();
        assertThatCode(() -> OPERATORS.check(null, List.of(), 9_000, 100)).as("every party, known or not")
                .doesNotThrowAnyException();
    }

    @Test
    void bidsAreWholeLotsAtOrAboveTheReserveAndAtMostTheOffer() {
        refused(() -> PRIMARY.check(PartyType.INSTITUTION, List.of(), 9_000, 150), "LOT_SIZE");
        refused(() -> PRIMARY.check(PartyType.INSTITUTION, List.of(), 8_999, 100), "BELOW_RESERVE_PRICE");
        refused(() -> OPERATORS.check(null, List.of(), 9_000, 10_001), "BID_ABOVE_VOLUME");
        refused(() -> OPERATORS.check(null, List.of(1L, 1L, 1L, 1L, 1L), 9_000, 1), "TOO_MANY_BIDS");
    }

    private static void refused(Runnable check, String code) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(RuleViolationException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(code));
    }
}
