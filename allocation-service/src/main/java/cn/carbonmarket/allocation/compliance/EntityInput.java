package cn.carbonmarket.allocation.compliance;

import java.util.List;
import java.util.UUID;

/** A covered entity with verified emissions for every year of the period: its units' figures over the period. */
record EntityInput(UUID partyId, String region, List<ObligationMethod.UnitFigures> units) {
}
