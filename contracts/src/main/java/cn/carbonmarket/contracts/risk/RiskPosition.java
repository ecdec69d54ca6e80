package cn.carbonmarket.contracts.risk;

import cn.carbonmarket.contracts.party.PartyId;

/**
 * One party's balance of one asset as trading's risk view sees it ({@code GET /api/v1/risk/positions} on
 * trading-service, roles {@code clearing-house} and {@code exchange-operator}), for settlement's reconciliation.
 *
 * @param asset    {@code CNY} (fen) or an instrument code (whole tonnes)
 * @param balance  what the feeds and today's trades give the party
 * @param reserved the part open orders, block offers and auction bids reserve
 * @param held     the part withdrawal holds set aside
 */
public record RiskPosition(PartyId partyId, String asset, long balance, long reserved, long held) {
}
