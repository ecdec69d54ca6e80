package cn.carbonmarket.registry.rules;

import cn.carbonmarket.contracts.unit.Product;
import java.util.Set;

/** The registry's rules for one jurisdiction, with the source they come from. */
public record JurisdictionRules(long maxUnitsPerTransaction, Set<Product> issuable, Set<Product> tradable,
                                String source) {

    public JurisdictionRules {
        issuable = Set.copyOf(issuable);
        tradable = Set.copyOf(tradable);
    }
}
