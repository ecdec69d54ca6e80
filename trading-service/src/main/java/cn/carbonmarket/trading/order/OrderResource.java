package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.contracts.trade.Side;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Order entry for participants: every order is the caller's party's, taken from its token. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Listing-agreement orders, cancels, own orders and fills")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
public class OrderResource {

    private final OrderEntry entry;
    private final ExchangeQueries queries;
    private final Caller caller;
    /** From a valid order's arrival here to its answer: risk, the desk's queue, matching, the journal. */
    private final Timer answered;

    public OrderResource(OrderEntry entry, ExchangeQueries queries, Caller caller, MeterRegistry metrics) {
        this.entry = entry;
        this.queries = queries;
        this.caller = caller;
        this.answered = Timer.builder("market.trading.order.entry")
                .description("time from a valid order's arrival to its answer (risk, matching, journal)")
                .publishPercentiles(0.5, 0.99, 0.999).distributionStatisticExpiry(Duration.ofSeconds(30))
                .register(metrics);
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a limit order or take a counterparty level",
            description = "Answers once the order is matched and its command journaled. The same clientOrderId"
                    + " again within the trading day answers 200 with the first order as it stands now; orders of"
                    + " earlier trading days are no longer kept, so their clientOrderIds may be used again.")
    @APIResponse(responseCode = "201", description = "accepted (it may already be filled, or REJECTED by the book)")
    @APIResponse(responseCode = "200", description = "the first order of this clientOrderId")
    @APIResponse(responseCode = "422", description = "a trading rule refuses it (band, tick, step, size, level,"
            + " session, halt)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the clientOrderId was used for a different order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> place(@Valid @NotNull NewOrder order) {
        PartyId party = party();
        OrderRequest request = parse(order);
        long arrived = System.nanoTime();
        return entry.place(party, request)
                .onItemOrFailure().invoke(() -> answered.record(System.nanoTime() - arrived, TimeUnit.NANOSECONDS))
                .map(placed -> Response
                .status(placed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(OrderResponse.of(placed.order())).build());
    }

    @DELETE
    @Path("/orders/{orderId}")
    @Operation(summary = "Cancel the open remainder of one of the caller's orders")
    @APIResponse(responseCode = "404", description = "the caller has no such order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "nothing of the order is open any more",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderResponse> cancel(@PathParam("orderId") long orderId) {
        return entry.cancel(party(), orderId).map(OrderResponse::of);
    }

    @GET
    @Path("/orders/{orderId}")
    @Operation(summary = "One of the caller's orders")
    public Uni<OrderResponse> order(@PathParam("orderId") long orderId) {
        return queries.order(party(), orderId).map(order -> order.map(OrderResponse::of)
                .orElseThrow(() -> new NotFoundException("ORDER_NOT_FOUND", "the caller has no order " + orderId)));
    }

    @GET
    @Path("/orders")
    @Operation(summary = "The caller's orders of the current trading day in every instrument, oldest first",
            description = "An order still open at the end of its trading day ends EXPIRED; earlier days' orders"
                    + " are no longer listed, their trades stay in the trade records.")
    public Uni<List<OrderResponse>> orders() {
        return queries.orders(party()).map(orders -> orders.stream().map(OrderResponse::of).toList());
    }

    @GET
    @Path("/fills")
    @Operation(summary = "The caller's fills of the current trading day, by instrument in execution order")
    public Uni<List<FillResponse>> fills() {
        PartyId party = party();
        return queries.fills(party).map(fills -> fills.stream().map(f -> FillResponse.of(f, party)).toList());
    }

    private PartyId party() {
        return caller.partyId().orElseThrow(() -> new ForbiddenException("NO_PARTY",
                "the caller's token carries no party_id; only a participant's own orders can be entered"));
    }

    private static OrderRequest parse(NewOrder order) {
        RequestValidation validation = new RequestValidation();
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(order.instrument()));
        if ((order.priceFen() == null) == (order.level() == null)) {
            validation.reject("priceFen", "give either priceFen (a limit order) or level (a take), not both");
        }
        validation.throwIfInvalid();
        return new OrderRequest(order.clientOrderId(), instrument, Side.valueOf(order.side().name()),
                order.priceFen() == null ? 0 : order.priceFen(), order.level() == null ? 0 : order.level(),
                order.quantity());
    }
}
