package cn.carbonmarket.allocation.run;

import cn.carbonmarket.contracts.party.Region;
import java.util.UUID;

/** What the approved runs of a period allocated an entity so far: issued minus clawed back, in tonnes. */
public record PriorAllocation(UUID partyId, Region region, long tonnes) {
}
