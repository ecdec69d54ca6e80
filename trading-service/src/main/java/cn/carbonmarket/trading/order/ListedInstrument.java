package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An instrument listed for continuous trading and the previous close its first day's band is drawn around, read
 * from instruments/listed-instruments.json (data with its source).
 *
 * @param previousClose in fen
 */
public record ListedInstrument(InstrumentCode code, long previousClose) {

    private static final String RESOURCE = "/instruments/listed-instruments.json";

    public static List<ListedInstrument> load(ObjectMapper mapper) {
        try (InputStream in = ListedInstrument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            List<ListedInstrument> listed = new ArrayList<>();
            for (JsonNode node : mapper.readTree(in).required("instruments")) {
                if (node.path("source").asText("").isBlank()) {
                    throw new IllegalStateException("listed instrument " + node + " names no source");
                }
                JsonNode close = node.required("previousCloseFen");
                if (!close.isIntegralNumber()) {
                    throw new IllegalStateException("previousCloseFen must be whole fen, not " + close);
                }
                listed.add(new ListedInstrument(InstrumentCode.parse(node.required("code").asText()),
                        close.longValue()));
            }
            return List.copyOf(listed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the listed instruments", e);
        }
    }
}
