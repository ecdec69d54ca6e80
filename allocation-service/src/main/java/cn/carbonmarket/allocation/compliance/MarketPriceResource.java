package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/market-prices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class MarketPriceResource {

    private final ExchangeCloses closes;
    private final Caller caller;

    public MarketPriceResource(ExchangeCloses closes, Caller caller) {
        this.closes = closes;
        this.caller = caller;
    }

    @PUT
    @Path("/{instrument}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Record a pilot exchange's daily closes of an allowance", description = "The closes of"
            + " the exchange the allowance traded on before the suite, so that a penalty averaging months before the"
            + " suite traded it has prices. By the regulator or the authority running the allowance's jurisdiction."
            + " Each day's close replaces the one recorded for it before (the same closes again change nothing);"
            + " a day the suite's own trading closed keeps the suite's close.")
    @APIResponse(responseCode = "200", description = "recorded: how many were received and how many were new or"
            + " replaced")
    @APIResponse(responseCode = "400", description = "a malformed instrument, an offset, a missing source, a date"
            + " that is malformed, not past or given twice, or a close that is not a positive fen, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the caller does not run the allowance's jurisdiction"
            + " (NOT_YOUR_JURISDICTION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ExchangeClosesRecorded> record(@PathParam("instrument") String instrument,
                                              @NotNull ExchangeClosesRequest request) {
        return closes.record(instrument, request, caller);
    }
}
