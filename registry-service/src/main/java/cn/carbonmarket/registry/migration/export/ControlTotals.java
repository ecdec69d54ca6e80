package cn.carbonmarket.registry.migration.export;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pilot's own control totals for its export (control.json), which the import must reconcile to. By the pilots'
 * convention exact duplicate rows are not counted, and rows with an invalid identity are (their units exist).
 * {@code accounts} counts every pilot account, also those without any holding row.
 */
public record ControlTotals(Pilot pilot, LocalDate exportDate, long accounts, long holdingRows,
        Map<InstrumentCode, Long> tonnesByInstrument) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ControlTotals {
        tonnesByInstrument = Collections.unmodifiableMap(new LinkedHashMap<>(tonnesByInstrument));
    }

    /** Reads {@code {"pilot", "exportDate", "accounts", "holdingRows", "totalsTonnes": {"BEA-2019": 109412073}}}. */
    public static ControlTotals parse(InputStream json) throws IOException {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ExportFormatException("control totals: not a JSON object");
            }
            Map<InstrumentCode, Long> tonnes = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> total : required(root, "totalsTonnes").properties()) {
                tonnes.put(InstrumentCode.parse(total.getKey()), count(total.getValue(), total.getKey()));
            }
            return new ControlTotals(pilot(required(root, "pilot").asText()),
                    LocalDate.parse(required(root, "exportDate").asText()),
                    count(required(root, "accounts"), "accounts"), count(required(root, "holdingRows"), "holdingRows"),
                    tonnes);
        } catch (JsonProcessingException | InvalidValueException | DateTimeParseException e) {
            throw new ExportFormatException("control totals: " + e.getMessage(), e);
        }
    }

    private static Pilot pilot(String code) throws ExportFormatException {
        for (Pilot pilot : Pilot.values()) {
            if (pilot.name().equals(code)) {
                return pilot;
            }
        }
        throw new ExportFormatException("control totals: pilot '" + code + "' is not one of the seven pilots");
    }

    private static JsonNode required(JsonNode node, String field) throws ExportFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ExportFormatException("control totals: '" + field + "' is missing");
        }
        return value;
    }

    private static long count(JsonNode value, String what) throws ExportFormatException {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new ExportFormatException("control totals: '" + what + "' is not a whole number: " + value);
        }
        return value.asLong();
    }
}
