package cn.carbonmarket.allocation.auction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.event.AuctionClosed;
import cn.carbonmarket.contracts.event.AuctionResult;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Auction results worked through with the figures written out: 100 lots of 1,000 t (V = 100,000 t), a cost
 * containment release R at the trigger 12,840 fen, a floor withholding W below the floor 4,280 fen.
 */
class ResultComputationTest {

    private static final String REF = "CN-2026-A01";
    private static final PartyId A = new PartyId(UUID.randomUUID());
    private static final PartyId B = new PartyId(UUID.randomUUID());

    private static ResultComputation.Offer offer(long release, long withhold) {
        return new ResultComputation.Offer(REF, Jurisdiction.CN, 1_000, 100_000, release, 12_840L, withhold, 4_280L);
    }

    private static AuctionClosed cleared(long price, long offered, long sold, long demand,
                                         List<AuctionClosed.Winner> winners) {
        return new AuctionClosed(7, REF, SystemParties.auctioneer(Jurisdiction.CN), InstrumentCode.parse("CEA-2026"),
                AuctionClosed.Outcome.CLEARED, price, offered, sold, demand, winners.size(), winners, Instant.now());
    }

    private static List<String> returns(ResultComputation.Computed computed) {
        return computed.returns().stream().map(r -> r.releaseId() + " " + r.destination() + " " + r.tonnes()).toList();
    }

    @Test
    void exactCoverSellsTheVolumeAndReturnsNothing() {
        // reserve empty (R = 0); A 60,000 + B 40,000 = 100,000 at 5,000 fen; demand 100,000: cover 1.00
        ResultComputation.Computed computed = ResultComputation.compute(offer(0, 10_000), cleared(5_000, 100_000,
                100_000, 100_000, List.of(new AuctionClosed.Winner(A, 60_000), new AuctionClosed.Winner(B, 40_000))));
        assertThat(computed.soldTonnes()).isEqualTo(100_000);
        assertThat(computed.coverRatio()).isEqualByComparingTo("1.00");
        assertThat(computed.revenueFen()).isEqualTo(500_000_000L);
        assertThat(computed.winners()).containsExactly(new AuctionResult.Winner(A, 60_000, 300_000_000L),
                new AuctionResult.Winner(B, 40_000, 200_000_000L));
        assertThat(computed.returns()).isEmpty();
        assertThat(computed.releasedTonnes()).isZero();
        assertThat(computed.carriedLots()).isZero();
    }

    @Test
    void belowTheTriggerTheReleaseGoesBackToTheReserve() {
        // R = 10,000 offered but the price 5,000 < trigger: all of it back; demand 123,500 / 100,000 = 1.235 -> 1.24
        ResultComputation.Computed computed = ResultComputation.compute(offer(10_000, 10_000), cleared(5_000, 110_000,
                100_000, 123_500, List.of(new AuctionClosed.Winner(A, 100_000))));
        assertThat(computed.coverRatio()).isEqualByComparingTo("1.24");
        assertThat(returns(computed)).containsExactly("CN-2026-A01-CCR_NOT_RELEASED STABILITY_RESERVE-CN 10000");
    }

    @Test
    void atTheTriggerTheReleaseSellsAsFarAsDemandGoes() {
        // price 13,000 >= 12,840: 106,000 sold = V + 6,000 of R; 4,000 of R back to the reserve
        ResultComputation.Computed computed = ResultComputation.compute(offer(10_000, 10_000), cleared(13_000, 110_000,
                106_000, 106_000, List.of(new AuctionClosed.Winner(A, 26_000), new AuctionClosed.Winner(B, 80_000))));
        assertThat(computed.releasedTonnes()).isEqualTo(6_000);
        assertThat(computed.revenueFen()).isEqualTo(13_000L * 106_000);
        assertThat(computed.winners().get(0).amountFen()).isEqualTo(13_000L * 26_000);
        assertThat(returns(computed)).containsExactly("CN-2026-A01-CCR_NOT_RELEASED STABILITY_RESERVE-CN 4000");
    }

    @Test
    void belowTheFloorTheWithheldVolumeGoesToTheReserve() {
        // price 3,500 < floor 4,280: supply V - W = 90,000 sold; W = 10,000 withheld, R = 10,000 not released
        ResultComputation.Computed computed = ResultComputation.compute(offer(10_000, 10_000), cleared(3_500, 110_000,
                90_000, 95_000, List.of(new AuctionClosed.Winner(A, 90_000))));
        assertThat(computed.coverRatio()).isEqualByComparingTo("0.95");
        assertThat(computed.revenueFen()).isEqualTo(315_000_000L);
        assertThat(returns(computed)).containsExactly("CN-2026-A01-CCR_NOT_RELEASED STABILITY_RESERVE-CN 10000",
                "CN-2026-A01-ECR_WITHHELD STABILITY_RESERVE-CN 10000");
        assertThat(computed.carriedLots()).isZero();
    }

    @Test
    void aCancelledAuctionSendsItsVolumeBackToIssuanceAndCarriesItOver() {
        // nothing sold; V = 100,000 back to NATIONAL_ISSUANCE-CN and carried over as 100 lots; R back to the reserve
        ResultComputation.Computed computed = ResultComputation.compute(offer(10_000, 10_000), new AuctionClosed(7,
                REF, SystemParties.auctioneer(Jurisdiction.CN), InstrumentCode.parse("CEA-2026"),
                AuctionClosed.Outcome.CANCELLED, null, 110_000, 0, 40_000, 3, List.of(), Instant.now()));
        assertThat(computed.clearingPriceFen()).isNull();
        assertThat(computed.revenueFen()).isZero();
        assertThat(computed.coverRatio()).isEqualByComparingTo("0.40");
        assertThat(returns(computed)).containsExactly("CN-2026-A01-UNSOLD_CARRIED_OVER NATIONAL_ISSUANCE-CN 100000",
                "CN-2026-A01-CCR_NOT_RELEASED STABILITY_RESERVE-CN 10000");
        assertThat(computed.carriedLots()).isEqualTo(100);
    }

    @Test
    void aCarryOverIsSpreadEvenlyOverTheNextFourWithTheRemainderToTheEarliest() {
        List<String> next = List.of("A02", "A03", "A04", "A05", "A06");
        // 10 lots over four: 2 each, the 2 left to the earliest
        assertThat(CarryOver.spread(10, next, 4)).containsExactly(new CarryOver.Share("A02", 4),
                new CarryOver.Share("A03", 2), new CarryOver.Share("A04", 2), new CarryOver.Share("A05", 2));
        // 100 lots over four: 25 each
        assertThat(CarryOver.spread(100, next, 4)).extracting(CarryOver.Share::lots).containsExactly(25L, 25L, 25L,
                25L);
        // two later auctions only: 5 each
        assertThat(CarryOver.spread(10, next.subList(0, 2), 4)).containsExactly(new CarryOver.Share("A02", 5),
                new CarryOver.Share("A03", 5));
        // 3 lots over four: none each, all 3 to the earliest
        assertThat(CarryOver.spread(3, next, 4)).containsExactly(new CarryOver.Share("A02", 3));
        // no later auction: nothing placed (the lots wait for the next one scheduled)
        assertThat(CarryOver.spread(10, List.of(), 4)).isEmpty();
    }
}
