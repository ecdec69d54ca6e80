package cn.carbonmarket.contracts.risk;

import cn.carbonmarket.contracts.party.PartyId;

/**
 * Settlement asks trading's risk view to set aside what a party wants to withdraw before it holds the withdrawal
 * in its ledger (docs/architecture.md, Flows: out of trading): {@code POST /api/v1/risk/withdrawal-holds} on
 * trading-service, role {@code clearing-house}. Trading grants it only from what open orders have not reserved (and,
 * for cash, not from today's sale proceeds), keeps it until settlement's {@code settlement.ledger} event for
 * {@code entryId} shows the withdrawal, and answers the same {@code holdId} with the same result.
 *
 * @param holdId  settlement's withdrawal id (idempotency key)
 * @param asset   {@code CNY} (amount in fen) or an instrument code (whole tonnes)
 * @param entryId the ledger business id whose event releases the hold, e.g. {@code WITHDRAWAL:<id>}
 */
public record WithdrawalHold(String holdId, PartyId partyId, String asset, long amount, String entryId) {
}
