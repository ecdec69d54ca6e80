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
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** What holds for every result: no unit is lost or made, and a carry-over places every lot once. */
class ResultComputationPropertiesTest {

    @Property(tries = 500)
    void soldAndReturnedMakeUpWhatWasOffered(@ForAll @IntRange(min = 1, max = 500) int lots,
                                             @ForAll @IntRange(min = 0, max = 100) int releasePercent,
                                             @ForAll @IntRange(min = 0, max = 100) int withholdPercent,
                                             @ForAll @IntRange(min = 0, max = 100) int soldPercent,
                                             @ForAll boolean cancelled,
                                             @ForAll @LongRange(min = 1, max = 100_000) long price) {
        long lot = 1_000;
        long volume = lots * lot;
        long release = lots * releasePercent / 100 * lot;
        long withhold = lots * withholdPercent / 100 * lot;
        // the exchange sells at least V - W and at most V + R, in whole lots
        long minimum = volume - withhold;
        long sold = minimum + (volume + release - minimum) * soldPercent / 100 / lot * lot;
        PartyId winner = new PartyId(UUID.randomUUID());
        AuctionClosed closed = new AuctionClosed(1, "CN-2026-A01", SystemParties.auctioneer(Jurisdiction.CN),
                InstrumentCode.parse("CEA-2026"), cancelled ? AuctionClosed.Outcome.CANCELLED
                        : AuctionClosed.Outcome.CLEARED, cancelled ? null : price, volume + release,
                cancelled ? 0 : sold, sold, 1, cancelled ? List.of() : List.of(new AuctionClosed.Winner(winner, sold)),
                Instant.now());
        ResultComputation.Computed computed = ResultComputation.compute(new ResultComputation.Offer("CN-2026-A01",
                Jurisdiction.CN, lot, volume, release, 12_840L, withhold, withhold > 0 ? 4_280L : null), closed);

        long returned = computed.returns().stream().mapToLong(AuctionResult.UnsoldReturn::tonnes).sum();
        assertThat(computed.soldTonnes() + returned).isEqualTo(volume + release);
        assertThat(computed.revenueFen()).isEqualTo(computed.winners().stream()
                .mapToLong(AuctionResult.Winner::amountFen).sum());
        assertThat(computed.returns()).allSatisfy(r -> assertThat(r.tonnes()).isPositive());
        assertThat(computed.carriedLots() * lot).isEqualTo(computed.returns().stream()
                .filter(r -> r.reason().equals(ReturnReason.UNSOLD_CARRIED_OVER.name()))
                .mapToLong(AuctionResult.UnsoldReturn::tonnes).sum());
    }

    @Property(tries = 500)
    void aCarryOverPlacesEveryLotOnceAndNoLaterAuctionGetsMoreThanTheEarliest(
            @ForAll @LongRange(min = 1, max = 1_000_000) long lots, @ForAll @IntRange(min = 1, max = 8) int later) {
        List<String> next = IntStream.rangeClosed(1, later).mapToObj(i -> "A" + i).toList();
        List<CarryOver.Share> shares = CarryOver.spread(lots, next, 4);
        assertThat(shares.stream().mapToLong(CarryOver.Share::lots).sum()).isEqualTo(lots);
        assertThat(shares).hasSizeLessThanOrEqualTo(Math.min(4, later));
        assertThat(shares.get(0).auctionRef()).isEqualTo("A1");
        assertThat(shares.stream().skip(1).mapToLong(CarryOver.Share::lots).distinct().count()).isLessThanOrEqualTo(1);
        assertThat(shares).allSatisfy(s -> assertThat(s.lots()).isLessThanOrEqualTo(shares.get(0).lots()));
    }
}
