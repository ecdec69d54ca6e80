package cn.carbonmarket.allocation.compliance;

import java.util.List;

/** An entity with verified emissions for some years of the period but not all: no obligation is set for it yet. */
public record NotObligated(String partyId, List<Integer> missingYears) {
}
