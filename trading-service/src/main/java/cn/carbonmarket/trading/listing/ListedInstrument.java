package cn.carbonmarket.trading.listing;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An instrument listed for continuous trading and the previous close its first day's band is drawn around: listed
 * with the service (instruments/listed-instruments.json, data with its source) or by the exchange operator since
 * ({@link InstrumentListings}).
 *
 * @param previousClose in fen
 * @param listedBy      the operator who listed it, or {@value #WITH_THE_SERVICE}
 * @param listedAt      when the operator listed it; null for what the service lists
 */
public record ListedInstrument(InstrumentCode code, long previousClose, String source, String listedBy,
                               Instant listedAt) {

    public static final String WITH_THE_SERVICE = "instruments/listed-instruments.json";
    private static final String RESOURCE = "/" + WITH_THE_SERVICE;

    /** The same listing: its reference price and source (who and when may differ between two asks). */
    public boolean sameAs(long otherClose, String otherSource) {
        return previousClose == otherClose && source.equals(otherSource);
    }

    static List<ListedInstrument> load(ObjectMapper mapper) {
        try (InputStream in = ListedInstrument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            List<ListedInstrument> listed = new ArrayList<>();
            for (JsonNode node : mapper.readTree(in).required("instruments")) {
                String source = node.path("source").asText("");
                if (source.isBlank()) {
                    throw new IllegalStateException("listed instrument " + node + " names no source");
                }
                JsonNode close = node.required("previousCloseFen");
                if (!close.isIntegralNumber()) {
                    throw new IllegalStateException("previousCloseFen must be whole fen, not " + close);
                }
                listed.add(new ListedInstrument(InstrumentCode.parse(node.required("code").asText()),
                        close.longValue(), source, WITH_THE_SERVICE, null));
            }
            return List.copyOf(listed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the listed instruments", e);
        }
    }
}
