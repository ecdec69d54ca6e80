package cn.carbonmarket.trading.statistics;

import cn.carbonmarket.contracts.party.Jurisdiction;
import java.time.LocalDate;
import java.util.List;

/** A jurisdiction's market statistics over trading days {@code from} to {@code to}, both included. */
public record MarketStatisticsReport(Jurisdiction jurisdiction, LocalDate from, LocalDate to,
                                     List<InstrumentStatistics> instruments) {
}
