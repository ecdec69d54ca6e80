package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.trading.engine.BookDepth;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An instrument's book as the market sees it, and the operator's halt and resume. */
@Path("/api/v1/instruments/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instruments", description = "Listing, depth of book; halt and resume")
@SecurityRequirement(name = "SecurityScheme")
public class InstrumentResource {

    private final ExchangeQueries queries;
    private final OrderEntry entry;
    private final Caller caller;

    public InstrumentResource(ExchangeQueries queries, OrderEntry entry, Caller caller) {
        this.queries = queries;
        this.entry = entry;
        this.caller = caller;
    }

    @GET
    @Path("/depth")
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR,
            Roles.MARKET_DATA})
    @Operation(summary = "The best five price levels a side, with the day's reference prices (fen)")
    @APIResponse(responseCode = "404", description = "not listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BookDepth> depth(@PathParam("code") String code) {
        return queries.depth(InstrumentCode.parse(code));
    }

    @POST
    @Path("/halt")
    @RolesAllowed(Roles.EXCHANGE_OPERATOR)
    @Operation(summary = "Halt trading: new orders are refused, resting ones stay and may be cancelled")
    @APIResponse(responseCode = "409", description = "already halted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InstrumentStatus> halt(@PathParam("code") String code) {
        InstrumentCode instrument = InstrumentCode.parse(code);
        return entry.halt(instrument, caller.name()).replaceWith(new InstrumentStatus(code, true));
    }

    @POST
    @Path("/resume")
    @RolesAllowed(Roles.EXCHANGE_OPERATOR)
    @Operation(summary = "Resume trading in a halted instrument")
    @APIResponse(responseCode = "409", description = "not halted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InstrumentStatus> resume(@PathParam("code") String code) {
        InstrumentCode instrument = InstrumentCode.parse(code);
        return entry.resume(instrument, caller.name()).replaceWith(new InstrumentStatus(code, false));
    }

    public record InstrumentStatus(String instrument, boolean halted) {
    }
}
