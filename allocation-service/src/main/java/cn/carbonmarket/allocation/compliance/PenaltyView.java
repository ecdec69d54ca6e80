package cn.carbonmarket.allocation.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A penalty decided for a shortfall, with its basis: the pack's method, the tonnes missing at the deadline; for a
 * PRICE_MULTIPLE, the factor the authority chose, the average of the daily closes (fen) over the months before the
 * deadline and how many trading days it averaged, and whether the pack's cap bounded the amount; the amount in fen;
 * and the tonnes recorded for deduction from the next allocation.
 */
public record PenaltyView(String periodId, String partyId, String method, long shortfallTonnes, BigDecimal factor,
                          Long priceFen, LocalDate pricesFrom, LocalDate pricesTo, Integer tradingDays,
                          long amountFen, boolean capped, long deductedTonnes, String decidedBy, Instant decidedAt) {
}
