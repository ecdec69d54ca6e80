package cn.carbonmarket.allocation.activity;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;

/**
 * A registered unit as a write of its year's activity weighs it: its entity, the entity's region, and whether the
 * regulator verified the year's record.
 */
record UnitStanding(PartyId party, Region region, boolean verified) {
}
