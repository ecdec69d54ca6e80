package cn.carbonmarket.year;

import java.util.Map;

/**
 * A buyer of the year: an institution (credit code) or an individual (resident id) with cash at the clearing bank.
 *
 * @param identityField {@code creditCode} or {@code residentId}, as the registry's registration names it
 */
public record Trader(String name, String type, String region, String identityField, String identity,
                     long cashFen) {

    /** The registry's registration body. */
    public Map<String, Object> registration() {
        return Map.of("name", name, "type", type, "region", region, identityField, identity);
    }
}
