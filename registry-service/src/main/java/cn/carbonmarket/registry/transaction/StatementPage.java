package cn.carbonmarket.registry.transaction;

import java.time.OffsetDateTime;

/**
 * One page of an account's statement: the transactions that touched the account, newest first, of one type and booked
 * from {@code from} until before {@code until} where those are given.
 */
public record StatementPage(String account, TransactionType type, OffsetDateTime from, OffsetDateTime until,
                            int size, long offset) {
}
