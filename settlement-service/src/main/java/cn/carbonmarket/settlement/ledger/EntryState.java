package cn.carbonmarket.settlement.ledger;

/** A journal entry's phase: written as POSTED at once, or PENDING and later POSTED or VOIDED. */
public enum EntryState { PENDING, POSTED, VOIDED }
