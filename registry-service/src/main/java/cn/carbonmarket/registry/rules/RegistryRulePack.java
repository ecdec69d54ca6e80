package cn.carbonmarket.registry.rules;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.ProjectType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

    /** The rules of the jurisdiction that issues the instrument. */
    public JurisdictionRules of(InstrumentCode instrument) {
        return of(instrument.product().jurisdiction());
    }

    public JurisdictionRules of(Jurisdiction jurisdiction) {
        return rules.get(jurisdiction);
    }

    public static RegistryRulePack load(ObjectMapper mapper) {
        try (InputStream in = RegistryRulePack.class.getResourceAsStream("/rules/registry-rules.json")) {
            JsonNode root = mapper.readTree(in);
            Map<Jurisdiction, JurisdictionRules> rules = new EnumMap<>(Jurisdiction.class);
            for (Jurisdiction jurisdiction : Jurisdiction.values()) {
                JsonNode node = root.get(jurisdiction.name());
                if (node != null) {
                    rules.put(jurisdiction, new JurisdictionRules(node.get("maxUnitsPerTransaction").asLong(),
                            enums(node.get("issuable"), Product::fromCode), enums(node.get("tradable"), Product::fromCode),
                            node.get("source").asText(), sellLimit(node), offsetRecipients(node)));
                }
            }
            return new RegistryRulePack(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry rule pack", e);
        }
    }

    private static Optional<SellLimit> sellLimit(JsonNode node) {
        JsonNode share = node.get("retainShareOfFreeAllocationBasisPoints");
        if (share == null) {
            return Optional.empty();
        }
        return Optional.of(new SellLimit(share.asInt(), node.get("retainShareSource").asText(),
                node.get("retainShareConfirmed").asBoolean()));
    }

    private static Map<ProjectType, Set<PartyType>> offsetRecipients(JsonNode node) {
        JsonNode recipients = node.get("offsetRecipientTypes");
        if (recipients == null) {
            return Map.of();
        }
        Map<ProjectType, Set<PartyType>> byType = new EnumMap<>(ProjectType.class);
        recipients.fields().forEachRemaining(entry -> byType.put(ProjectType.parse(entry.getKey()),
                enums(entry.getValue(), PartyType::parse)));
        return byType;
    }

    private static <T> Set<T> enums(JsonNode array, Function<String, T> parse) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> parse.apply(n.asText()))
                .collect(Collectors.toSet());
    }
}
