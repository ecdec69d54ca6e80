package cn.carbonmarket.trading.bench;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.kafka.KafkaConnection;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.trading.journal.JournalConfig;
import cn.carbonmarket.trading.journal.JournalPosition;
import cn.carbonmarket.trading.journal.JournalRecord;
import cn.carbonmarket.trading.journal.OrderJournal;
import cn.carbonmarket.trading.order.NewOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The order-entry benchmark's "durable bare" baseline: what an order costs before the exchange does anything with
 * it. The same HTTP stack, token check, role and JSON body as order entry, and one journal record appended with the
 * journal producer's settings and answered after the broker's acknowledgement; no risk, no matching, no database.
 * It writes to a topic of its own that replay never reads, so the exchange's journal stays clean, and it exists only
 * where {@code market.trading.bench-endpoints} is on (the benchmark's service): elsewhere it answers 404 and opens
 * no producer.
 */
@Path("/api/v1/bench/durable-orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
public class DurableBareResource {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final ObjectMapper json;
    private final Clock clock;
    private final Caller caller;

    public DurableBareResource(@ConfigProperty(name = "market.trading.bench-endpoints") boolean enabled,
                               @ConfigProperty(name = "market.trading.bench-journal-topic") String topic,
                               JournalConfig journal, KafkaConnection kafka, ObjectMapper json, Clock clock,
                               Caller caller) {
        this.producer = enabled ? new KafkaProducer<>(OrderJournal.producerSettings(journal, kafka,
                "trading-bench-journal"), new StringSerializer(), new StringSerializer()) : null;
        this.topic = topic;
        this.json = json;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<Response> append(@Valid @NotNull NewOrder order) throws JsonProcessingException {
        if (producer == null) {
            throw new NotFoundException("NOT_FOUND", "no such resource");
        }
        PartyId party = caller.partyId().orElseThrow(() -> new ForbiddenException("NO_PARTY",
                "the caller's token carries no party_id"));
        RequestValidation validation = new RequestValidation();
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(order.instrument()));
        validation.throwIfInvalid();
        Command command = new Command.PlaceLimit(0, party, order.clientOrderId(), Side.valueOf(order.side().name()),
                order.priceFen() == null ? 0 : order.priceFen(), order.quantity(), clock.instant());
        String value = json.writeValueAsString(JournalRecord.of(instrument, command, 0));
        CompletableFuture<JournalPosition> acknowledged = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, instrument.toString(), value), (written, failure) -> {
            if (failure != null) {
                acknowledged.completeExceptionally(failure);
            } else {
                acknowledged.complete(new JournalPosition(written.partition(), written.offset()));
            }
        });
        return Uni.createFrom().completionStage(acknowledged)
                .map(position -> Response.status(Response.Status.CREATED).entity(position).build());
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
