package cn.carbonmarket.trading.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.event.AbnormalTradingAlert;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.Fill;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Half of a 10% band around 100.00 CNY is 5.00 CNY: one party's own trades may move the price that far in 300 s. */
class PriceMoveWatchTest {

    private static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");
    private static final PartyId AGGRESSOR = new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final PartyId OTHER = new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    private static final Instant START = Instant.parse("2026-11-25T02:00:00Z");

    private final PriceMoveWatch watch = new PriceMoveWatch(CEA, 10_000, 10_000, 1_000, 5_000,
            Duration.ofSeconds(300));
    private long sequence;

    /** A fill whose taker is {@code taker} buying from a resting sell of the other party. */
    private Optional<AbnormalTradingAlert> takerBuys(PartyId taker, long price, int seconds) {
        sequence++;
        PartyId maker = taker.equals(AGGRESSOR) ? OTHER : AGGRESSOR;
        return watch.traded(new Fill("CEA-2025-" + sequence, CEA, sequence, 2 * sequence, taker, 2 * sequence + 1,
                maker, 2 * sequence + 1, price, 1, START.plusSeconds(seconds)));
    }

    @Test
    void onePartysMovesWithinTheWindowAddUpToAnAlert() {
        assertThat(watch.limitFen()).isEqualTo(500);
        assertThat(takerBuys(AGGRESSOR, 10_200, 0)).isEmpty();
        assertThat(takerBuys(AGGRESSOR, 10_400, 60)).isEmpty();
        assertThat(takerBuys(AGGRESSOR, 10_500, 120)).isEmpty();

        AbnormalTradingAlert alert = takerBuys(AGGRESSOR, 10_501, 180).orElseThrow();

        assertThat(alert.partyId()).isEqualTo(AGGRESSOR);
        assertThat(alert.fromPriceFen()).isEqualTo(10_000);
        assertThat(alert.toPriceFen()).isEqualTo(10_501);
        assertThat(alert.limitFen()).isEqualTo(500);
        assertThat(takerBuys(AGGRESSOR, 10_502, 181)).as("counting starts afresh after an alert").isEmpty();
    }

    @Test
    void movesOutsideTheWindowOrByOthersDoNotCount() {
        assertThat(takerBuys(AGGRESSOR, 10_400, 0)).isEmpty();
        assertThat(takerBuys(OTHER, 10_700, 10)).isEmpty();
        assertThat(takerBuys(AGGRESSOR, 10_800, 400)).as("the first move left the window").isEmpty();
        assertThat(takerBuys(AGGRESSOR, 10_200, 410)).as("moves down count against moves up").isEmpty();
    }
}
