package cn.carbonmarket.settlement.clearing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/** The clearing house's rule numbers, read from rules/settlement-rules.json (data with its source, not code). */
public final class SettlementRulePack {

    public static final String RESOURCE = "/rules/settlement-rules.json";

    private final FeeSchedule fees;

    public SettlementRulePack(FeeSchedule fees) {
        this.fees = fees;
    }

    public FeeSchedule fees() {
        return fees;
    }

    /** Reads the pack; a missing or malformed entry stops the service rather than clearing under wrong fees. */
    public static SettlementRulePack load(ObjectMapper mapper) {
        try (InputStream in = SettlementRulePack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode fees = mapper.readTree(in).required("fees");
            Map<TradeMode, Map<Side, FeeRate>> rates = new EnumMap<>(TradeMode.class);
            for (TradeMode mode : TradeMode.values()) {
                JsonNode node = fees.required(mode.name());
                Map<Side, FeeRate> sides = new EnumMap<>(Side.class);
                for (Side side : Side.values()) {
                    JsonNode rate = node.required(side.name().toLowerCase(java.util.Locale.ROOT));
                    sides.put(side, new FeeRate(rate.required("rateBasisPoints").longValue(),
                            rate.required("minimumFen").longValue()));
                }
                rates.put(mode, sides);
            }
            return new SettlementRulePack(new FeeSchedule(rates, FeeRounding.valueOf(fees.required("rounding").asText()),
                    fees.required("source").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the settlement rule pack", e);
        }
    }
}
