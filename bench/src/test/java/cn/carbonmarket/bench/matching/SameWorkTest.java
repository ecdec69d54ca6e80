package cn.carbonmarket.bench.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ours and exchange-core's book do the same work on the streams the peer benchmark compares: after the same
 * commands both hold the same orders at every price level and made the same trades.
 */
class SameWorkTest {

    private static final int COMMANDS = 50_000;

    @ParameterizedTest
    @EnumSource(value = MarketMix.Flow.class, names = {"MARKET_WITH_IOC", "EXCHANGE_CORE"})
    void bothEnginesEndEachStretchOfTheFlowAlike(MarketMix.Flow flow) {
        MarketMix mix = MarketMix.generate(MatchingBenchmark.SEED, COMMANDS, flow);
        for (int commands : new int[] {0, 1_000, 10_000, COMMANDS}) {
            Outcome ours = Outcome.ours(mix, commands);
            Outcome theirs = Outcome.exchangeCore(mix, commands);
            assertEquals(ours.depth(), theirs.depth(), flow + " book after " + commands + " commands");
            assertEquals(ours.trades(), theirs.trades(), flow + " trades after " + commands + " commands");
            assertEquals(ours.tradedTonnes(), theirs.tradedTonnes(), flow + " tonnes after " + commands + " commands");
        }
        Outcome end = Outcome.ours(mix, COMMANDS);
        assertTrue(end.trades() > COMMANDS / 50, flow + " trades too seldom to compare matching: " + end.trades());
        assertTrue(end.depth().split("@").length > 500, flow + " drained the book: " + end.depth());
    }

    @ParameterizedTest
    @EnumSource(value = MarketMix.Flow.class, names = {"MARKET_WITH_IOC", "EXCHANGE_CORE"})
    void noOrderMeetsItsOwnOwner(MarketMix.Flow flow) {
        MarketMix mix = MarketMix.generate(MatchingBenchmark.SEED, COMMANDS, flow);
        assertTrue(mix.description.endsWith(" 0 orders stopped by self-trade prevention"), mix.description);
    }
}
