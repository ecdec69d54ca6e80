package cn.carbonmarket.trading.statistics;

import cn.carbonmarket.trading.marketdata.PeriodStatistics;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One instrument's line of a jurisdiction's market statistics. */
public record InstrumentStatistics(
        String instrument,
        @Schema(description = "trades of every mode (continuous, block, auction)") long trades,
        @Schema(description = "tonnes traded") long volumeTonnes,
        @Schema(description = "sum of price x quantity, fen") long turnoverFen,
        @Schema(description = "turnover / volume, half up to the fen; null without trades", nullable = true)
        Long vwapFen,
        @Schema(description = "highest price-forming (continuous) trade; null without one", nullable = true)
        Long highFen,
        @Schema(description = "lowest price-forming (continuous) trade; null without one", nullable = true)
        Long lowFen,
        @Schema(description = "the close of the span's last trading day (volume-weighted average of its continuous"
                + " trades, else the close carried from before)") long lastCloseFen) {

    static InstrumentStatistics of(PeriodStatistics period) {
        return new InstrumentStatistics(period.instrument(), period.trades(), period.volume(), period.turnoverFen(),
                period.vwapFen(), period.highFen(), period.lowFen(), period.lastCloseFen());
    }
}
