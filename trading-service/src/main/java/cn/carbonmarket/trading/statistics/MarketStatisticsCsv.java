package cn.carbonmarket.trading.statistics;

/** A jurisdiction's market statistics as CSV, one line per instrument, empty fields where there is no price. */
final class MarketStatisticsCsv {

    static final String HEADER = "jurisdiction,from,to,instrument,trades,volume_tonnes,turnover_fen,vwap_fen,"
            + "high_fen,low_fen,last_close_fen\n";

    private MarketStatisticsCsv() {
    }

    static String render(MarketStatisticsReport report) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (InstrumentStatistics line : report.instruments()) {
            csv.append(report.jurisdiction()).append(',').append(report.from()).append(',').append(report.to())
                    .append(',').append(line.instrument()).append(',').append(line.trades()).append(',')
                    .append(line.volumeTonnes()).append(',').append(line.turnoverFen()).append(',')
                    .append(field(line.vwapFen())).append(',').append(field(line.highFen())).append(',')
                    .append(field(line.lowFen())).append(',').append(line.lastCloseFen()).append('\n');
        }
        return csv.toString();
    }

    private static String field(Long fen) {
        return fen == null ? "" : fen.toString();
    }
}
