package cn.carbonmarket.registry.rules;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Product;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Every jurisdiction's registry rules, read from rules/registry-rules.json (data, not code). */
public final class RegistryRulePack {

    private final Map<Jurisdiction, JurisdictionRules> rules;

    public RegistryRulePack(Map<Jurisdiction, JurisdictionRules> rules) {
        this.rules = new EnumMap<>(rules);
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            if (!this.rules.containsKey(jurisdiction)) {
                throw new IllegalStateException("the registry rule pack has no entry for " + jurisdiction);
            }
        }
    }

    public JurisdictionRules of(InstrumentCode instrument) {
        return rules.get(instrument.product().jurisdiction());
    }

    public static RegistryRulePack load(ObjectMapper mapper) {
        try (InputStream in = RegistryRulePack.class.getResourceAsStream("/rules/registry-rules.json")) {
            JsonNode root = mapper.readTree(in);
            Map<Jurisdiction, JurisdictionRules> rules = new EnumMap<>(Jurisdiction.class);
            for (Jurisdiction jurisdiction : Jurisdiction.values()) {
                JsonNode node = root.get(jurisdiction.name());
                if (node != null) {
                    rules.put(jurisdiction, new JurisdictionRules(node.get("maxUnitsPerTransaction").asLong(),
                            products(node.get("issuable")), products(node.get("tradable")),
                            node.get("source").asText()));
                }
            }
            return new RegistryRulePack(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry rule pack", e);
        }
    }

    private static Set<Product> products(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> Product.fromCode(n.asText()))
                .collect(Collectors.toSet());
    }
}
