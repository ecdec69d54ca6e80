package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.registry.account.AccountState;
import cn.carbonmarket.registry.account.AccountType;
import java.util.UUID;

/** What the rules need to know of an account at booking time. */
public record AccountSnapshot(String id, AccountType type, AccountState state, UUID partyId) {
}
