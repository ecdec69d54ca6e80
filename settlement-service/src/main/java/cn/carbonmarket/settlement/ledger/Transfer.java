package cn.carbonmarket.settlement.ledger;

/**
 * One double-entry movement: {@code amount} (fen or tonnes, per the accounts' asset) leaves {@code debit} and
 * arrives in {@code credit}. Both accounts must count the same asset, which keeps every entry balanced per asset.
 */
public record Transfer(AccountKey debit, AccountKey credit, long amount) {
}
