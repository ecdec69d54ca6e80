package cn.carbonmarket.trading.rules;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.platform.problem.RuleViolationException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which kinds of party may trade a jurisdiction's instruments, as its market admitted them.
 *
 * @param admitted the party types admitted; never empty
 * @param source   where that comes from
 */
public record Eligibility(Jurisdiction jurisdiction, Set<PartyType> admitted, String source) {

    public Eligibility {
        if (admitted.isEmpty()) {
            throw new IllegalStateException(jurisdiction + " admits no party type to trading");
        }
        admitted = Set.copyOf(EnumSet.copyOf(admitted));
    }

    /** Whether every kind of party may trade, so that nobody's type needs looking up. */
    public boolean admitsEveryone() {
        return admitted.containsAll(EnumSet.allOf(PartyType.class));
    }

    /** 422 {@code PARTY_NOT_ELIGIBLE} unless {@code type} is admitted; a party of unknown type (null) is not. */
    public void require(PartyId party, PartyType type) {
        if (type == null || !admitted.contains(type)) {
            throw new RuleViolationException("PARTY_NOT_ELIGIBLE", "the " + jurisdiction.displayName() + " ("
                    + jurisdiction + ") admits " + EnumSet.copyOf(admitted) + " to trading; party " + party + " is "
                    + (type == null ? "of a type the exchange does not know yet (no risk profile)" : "a " + type));
        }
    }
}
