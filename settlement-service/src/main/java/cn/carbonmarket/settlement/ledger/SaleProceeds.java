package cn.carbonmarket.settlement.ledger;

import cn.carbonmarket.contracts.party.PartyId;
import java.time.LocalDate;

/**
 * Cash a party received from its sales on one trade date, net of the fees it paid on them. It may trade with it the
 * same day but withdraw it only from the next day (T+1).
 */
public record SaleProceeds(PartyId party, LocalDate tradeDate, long fen) {
}
