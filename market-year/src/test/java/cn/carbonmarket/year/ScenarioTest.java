package cn.carbonmarket.year;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    private static final Scale THREE_DAYS = new Scale("test", 30, 10, 20, 3, 40);

    @Test
    void theSameSeedGivesTheSameYearAndAnotherSeedAnother() {
        assertThat(Scenario.generate(7, THREE_DAYS)).isEqualTo(Scenario.generate(7, THREE_DAYS));
        assertThat(Scenario.generate(8, THREE_DAYS).trades()).isNotEqualTo(Scenario.generate(7, THREE_DAYS).trades());
    }

    @Test
    void everySixthEntityEndsShortAndTheOthersCanSurrenderTheirEmissions() {
        Scenario year = Scenario.generate(2026, THREE_DAYS);
        for (int i = 0; i < year.entities().size(); i++) {
            CoveredEntity e = year.entities().get(i);
            long surrenderable = Scenario.allocation(e.electricityMwh()) + e.grantedTonnes() - e.intoTradingTonnes();
            assertThat(surrenderable >= Scenario.emissions(e.coalTonnes())).as(e.name()).isEqualTo(i % 6 != 5);
            assertThat(e.intoTradingTonnes()).isBetween(100L, e.grantedTonnes());
        }
    }

    @Test
    void theTradesSellOnlyWhatWentIntoTradingAtPricesOfFortyToOneHundredYuan() {
        Scenario year = Scenario.generate(2026, THREE_DAYS);
        long[] sold = new long[year.entities().size()];
        year.trades().forEach(t -> sold[t.seller()] += t.quantity());
        sold[year.block().seller()] += year.block().quantity();
        sold[year.auction().seller()] += year.auction().quantity();
        for (int i = 0; i < sold.length; i++) {
            assertThat(sold[i]).isLessThanOrEqualTo(year.entities().get(i).intoTradingTonnes());
        }
        assertThat(year.trades()).allSatisfy(t -> {
            assertThat(t.priceFen()).as("within 8 per cent of the previous close").isBetween(8_280L, 9_720L);
            assertThat(t.quantity() % 100).isZero();
        });
        // The tide: the last day trades more than the first.
        assertThat(year.trades().stream().filter(t -> t.day() == 2).count())
                .isGreaterThan(year.trades().stream().filter(t -> t.day() == 0).count());
    }

    @Test
    void theBlockTradeAndTheAuctionKeepTheExchangesRules() {
        Scenario year = Scenario.generate(2026, THREE_DAYS);
        // The national block minimum is 100,000 t, its band 30% of the previous close (CNY 90).
        assertThat(year.block().quantity()).isGreaterThanOrEqualTo(100_000);
        assertThat(year.block().priceFen()).isBetween(6_300L, 11_700L);
        assertThat(year.block().seller() % 6).as("a seller that is not short").isNotEqualTo(5);
        // Sealed bids above the reserve, more demand than supply, so the auction clears.
        assertThat(year.auction().bids()).allSatisfy(b -> assertThat(b.priceFen())
                .isGreaterThanOrEqualTo(year.auction().reserveFen()));
        assertThat(year.auction().bids().stream().mapToLong(AuctionSale.Bid::quantity).sum())
                .isGreaterThan(year.auction().quantity());
        assertThat(year.auction().seller() % 6).isNotEqualTo(5);
    }

    @Test
    void thePrimaryAuctionIsBidForInWholeLotsByInstitutionsWithinTheirCapAndItsDemandCoversTheVolume() {
        Scenario year = Scenario.generate(2026, THREE_DAYS);
        PrimaryAuction auction = year.primaryAuction();
        long volume = auction.volumeLots() * PrimaryAuction.LOT_TONNES;
        long cap = new BigDecimal(auction.bidderCapShare()).multiply(BigDecimal.valueOf(volume)).longValueExact();
        assertThat(auction.bids()).hasSize(3).allSatisfy(bid -> {
            assertThat(year.traders().get(bid.buyer()).type()).isEqualTo("INSTITUTION");
            assertThat(bid.quantity() % PrimaryAuction.LOT_TONNES).isZero();
            assertThat(bid.quantity()).isBetween(PrimaryAuction.LOT_TONNES, cap);
        });
        assertThat(auction.bids().stream().map(AuctionSale.Bid::buyer).distinct()).hasSize(3);
        assertThat(auction.bids().stream().mapToLong(AuctionSale.Bid::quantity).sum()).isGreaterThan(volume);
    }

    @Test
    void everyIdentityIsValidAndUniqueAndEveryBuyerCanPay() {
        Scenario year = Scenario.generate(2026, THREE_DAYS);
        Set<String> identities = new HashSet<>();
        Stream.concat(year.entities().stream().map(CoveredEntity::creditCode),
                year.traders().stream().map(Trader::identity)).forEach(id -> {
                    assertThat(identities.add(id)).as(id).isTrue();
                    if (id.length() == 18 && Character.isDigit(id.charAt(0)) && id.startsWith("9")) {
                        UnifiedSocialCreditCode.parse(id);
                    } else {
                        ResidentIdentityNumber.parse(id);
                    }
                });
        long[] spend = new long[year.traders().size()];
        year.trades().forEach(t -> spend[t.buyer()] += t.priceFen() * t.quantity());
        spend[year.block().buyer()] += year.block().priceFen() * year.block().quantity();
        year.auction().bids().forEach(b -> spend[b.buyer()] += b.priceFen() * b.quantity());
        year.primaryAuction().bids().forEach(b -> spend[b.buyer()] += b.priceFen() * b.quantity());
        for (int i = 0; i < spend.length; i++) {
            assertThat(year.traders().get(i).cashFen()).isGreaterThan(spend[i] + spend[i] / 100);
        }
        assertThat(year.traders()).filteredOn(t -> t.type().equals("INDIVIDUAL")).hasSize(20);
    }
}
