package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.settlement.ledger.JournalEntry;

/** A trade with what clearing worked out for it: its value, each side's fee and its DvP journal entry. */
public record ClearedTrade(Trade trade, long valueFen, long buyerFeeFen, long sellerFeeFen, JournalEntry entry) {
}
