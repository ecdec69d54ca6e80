package cn.carbonmarket.allocation.reserve;

import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/stability-reserve/{jurisdiction}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stability reserve", description = "The market stability reserve: set-asides, releases and intakes")
@SecurityRequirement(name = "SecurityScheme")
public class StabilityReserveResource {

    private final StabilityReserve reserve;

    public StabilityReserveResource(StabilityReserve reserve) {
        this.reserve = reserve;
    }

    /**
     * Open to every role of the market: the reserve is market policy, its movements are published with each
     * auction's result, and none of it is a participant's data.
     */
    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY, Roles.INVESTOR,
            Roles.VERIFIER, Roles.EXCHANGE_OPERATOR, Roles.CLEARING_BANK, Roles.MARKET_DATA, Roles.EVENT_READER})
    @Operation(summary = "A jurisdiction's stability reserve", description = "Per instrument the balance the registry"
            + " booked (set aside and taken in, less released), what is pending either way and what an auction may"
            + " still be offered; every movement with its evidence (clearing price, trigger or floor price, auction or"
            + " run) and the registry's transaction once booked.")
    @APIResponse(responseCode = "400", description = "an unknown jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReserveView> get(@PathParam("jurisdiction") String jurisdiction) {
        return reserve.view(jurisdiction);
    }
}
