package cn.carbonmarket.allocation.coverage;

import cn.carbonmarket.platform.party.PartyRecord;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Each compliance entity the registry registers becomes covered by the national market, once; other parties are not. */
public class EntityCoverage {

    @Produces
    @Singleton
    PartyRecord coveredEntities() {
        return new PartyRecord("allocation.covered-entities", CoveredEntity::coverIfEntity);
    }
}
