package cn.carbonmarket.settlement.clearing;

/** A trade, or a message, that could not be cleared, as the operator will see it. */
record ClearingBreak(String tradeId, String code, String reason, String event) {
}
