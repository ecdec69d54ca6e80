package cn.carbonmarket.platform.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.event.EventType;
import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.event.Topics;
import cn.carbonmarket.platform.asyncapi.AsyncApiDocument.Located;
import cn.carbonmarket.platform.json.ContractsJacksonCustomizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The services' AsyncAPI documents (what an integrator reads) against the event catalogue: an event type that no
 * document describes, a field renamed in a record but not in its schema, or a schema that would refuse what the
 * codec writes fails the build here.
 */
class AsyncApiCatalogueTest {

    private static final Path REPOSITORY = repository();
    private static final List<EventType<?>> CATALOGUE = EventCatalogue.all();
    private final CatalogueCheck check = new CatalogueCheck(REPOSITORY, CATALOGUE, codec());

    /** The module's working directory is the module's; the documents and acls.txt are found from the root. */
    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/kafka/acls.txt"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("infra/kafka/acls.txt not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The service's ObjectMapper as Quarkus builds it for the events: java.time as ISO text, the contracts' types. */
    private static ObjectMapper codec() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new ContractsJacksonCustomizer().customize(mapper);
        return mapper;
    }

    @Test
    void findsTheCatalogueAndEveryServicesDocument() {
        assertThat(CATALOGUE).extracting(EventType::name)
                .contains("PartyRegistered", "TradeExecuted", "LedgerEntryPosted", "IssuanceInstruction")
                .doesNotHaveDuplicates();
        assertThat(check.documents()).containsOnlyKeys(
                "registry-service", "allocation-service", "trading-service", "settlement-service");
    }

    @Test
    void everyEventTypeIsSentInItsWritersDocument() {
        assertThat(check.undocumentedEvents()).isEmpty();
    }

    @Test
    void anEventTypeWithoutDocumentationFails() {
        List<EventType<?>> withNewType = new ArrayList<>(CATALOGUE);
        withNewType.add(new EventType<>("TradeCorrected", 1, TradePrinted.class, Topics.TRADING_TRADES));
        assertThat(new CatalogueCheck(REPOSITORY, withNewType, codec()).undocumentedEvents()).containsExactly(
                "TradeCorrected: trading-service's asyncapi.yaml sends no TradeCorrected on a channel with address "
                        + "trading.trades");
    }

    @Test
    void everyReaderDocumentsTheTopicsItConsumes() {
        assertThat(check.undocumentedConsumers()).isEmpty();
    }

    @Test
    void everyDocumentedMessageIsAnEventOfItsChannelsTopic() {
        assertThat(check.strayMessages()).isEmpty();
    }

    @Test
    void payloadSchemasHaveTheRecordsFieldsAndJsonTypes() {
        assertThat(check.schemaDifferences()).isEmpty();
    }

    @Test
    void aRenamedFieldAWrongTypeOrAMissingConstantIsReported() throws Exception {
        JsonNode schema = new ObjectMapper(new YAMLFactory()).readTree("""
                type: object
                properties:
                  tradeId: {type: string}
                  instrument: {type: string}
                  quantity: {type: string}
                  price: {type: integer}
                  mode: {type: string, enum: [CONTINUOUS, BLOCK]}
                  executedAt: {type: string, format: date-time}
                """);
        AsyncApiDocument trading = check.documents().get("trading-service");
        Located located = new Located(schema, trading.file, schema, "");
        assertThat(new RecordSchemas(trading, codec()).differences(TradePrinted.class, located, "TradePrinted"))
                .containsExactlyInAnyOrder(
                        "TradePrinted.quantity: the record's field is a JSON integer but the schema says [string]",
                        "TradePrinted.priceFen: not in the schema",
                        "TradePrinted.mode: enum [BLOCK, CONTINUOUS] but TradeMode has [AUCTION, BLOCK, CONTINUOUS]",
                        "TradePrinted: documents [price], which TradePrinted does not have");
    }

    @Test
    void aSampleOfEveryEventIsValidUnderItsSchema() {
        assertThat(check.invalidSamples()).isEmpty();
    }
}
