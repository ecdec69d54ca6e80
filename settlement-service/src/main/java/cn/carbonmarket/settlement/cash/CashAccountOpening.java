package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.platform.party.PartyRecord;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Each party the registry registers gets a cash account at the clearing house, once. */
public class CashAccountOpening {

    @Produces
    @Singleton
    PartyRecord cashAccounts() {
        return new PartyRecord("settlement.cash-accounts", CashAccount::openFor);
    }
}
