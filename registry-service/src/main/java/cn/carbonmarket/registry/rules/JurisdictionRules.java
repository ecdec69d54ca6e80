package cn.carbonmarket.registry.rules;

import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.ProjectType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's rules for one jurisdiction, with the source they come from.
 *
 * @param sellLimit          the share of its free allocation an entity must keep, where the jurisdiction has one
 * @param offsetRecipients   per project type of the jurisdiction's offsets, the only party types they are issued to
 *                           (a type not named here goes to any party)
 */
public record JurisdictionRules(long maxUnitsPerTransaction, Set<Product> issuable, Set<Product> tradable,
                                String source, Optional<SellLimit> sellLimit,
                                Map<ProjectType, Set<PartyType>> offsetRecipients) {

    public JurisdictionRules {
        issuable = Set.copyOf(issuable);
        tradable = Set.copyOf(tradable);
        offsetRecipients = Map.copyOf(offsetRecipients);
    }

    /** Whether an offset of {@code type} may be issued to a party of {@code recipient}. */
    public boolean mayReceiveOffset(ProjectType type, PartyType recipient) {
        Set<PartyType> allowed = offsetRecipients.get(type);
        return allowed == null || allowed.contains(recipient);
    }
}
