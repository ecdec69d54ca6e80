package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.allocation.rules.Figure;
import cn.carbonmarket.allocation.rules.Flag;
import cn.carbonmarket.allocation.rules.Sourced;
import cn.carbonmarket.contracts.coverage.Sector;

/**
 * How a pack sets an entity's obligation: the national market caps each generating unit's obligation by its final
 * free allocation (the entities are those with units and allocation runs); a pilot obliges an entity to surrender its
 * verified emissions, and its entities take part by enrolment with their free allocation.
 */
public sealed interface ObligationBasis permits ObligationBasis.CappedByAllocation, ObligationBasis.VerifiedEmissions {

    String source();

    boolean confirmed();

    /** Whether entities take part by enrolment with a free allocation (a pilot period), not by units and runs. */
    boolean enrols();

    /**
     * Per unit: a gas unit at most its allocation where the pack says so, any other at most allocation + a share;
     * the obligations cover the sector of the units the plan allocates to.
     */
    record CappedByAllocation(Sourced<Sector> sector, Flag gasCappedAtAllocation, Figure shortfallCapShare,
                              String source, boolean confirmed) implements ObligationBasis {

        @Override
        public boolean enrols() {
            return false;
        }
    }

    /** The entity's verified emissions, whatever its allocation. */
    record VerifiedEmissions(String source, boolean confirmed) implements ObligationBasis {

        @Override
        public boolean enrols() {
            return true;
        }
    }
}
