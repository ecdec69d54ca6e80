package cn.carbonmarket.allocation.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A penalty decided for a shortfall, with its basis: the tonnes missing at the deadline, the factor the authority
 * chose, the average of the daily closes (fen) over the month before the deadline and how many trading days it
 * averaged, and the amount in fen.
 */
public record PenaltyView(String periodId, String partyId, long shortfallTonnes, BigDecimal factor, long priceFen,
                          LocalDate pricesFrom, LocalDate pricesTo, int tradingDays, long amountFen,
                          String decidedBy, Instant decidedAt) {
}
