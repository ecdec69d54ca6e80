package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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

@Path("/api/v1/risk-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk profiles", description = "Parties as pre-trade risk sees them")
@SecurityRequirement(name = "SecurityScheme")
public class RiskProfileResource {

    private final Caller caller;

    public RiskProfileResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/{partyId}")
    @WithSession
    @RolesAllowed({Roles.EXCHANGE_OPERATOR, Roles.REGULATOR, Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "A party's risk profile", description = "The exchange operator and the regulator see any;"
            + " a participant only its own.")
    @APIResponse(responseCode = "403", description = "not the caller's party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "the registry has not (yet) admitted this party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RiskProfileView> get(@PathParam("partyId") String partyId) {
        PartyId party = PartyId.parse(partyId);
        caller.requireSelfOr(party, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR);
        return RiskProfile.of(party).map(RiskProfileView::of);
    }

    public record RiskProfileView(String partyId, String partyType, String region, String status,
                                  java.time.Instant openedAt) {
        static RiskProfileView of(RiskProfile p) {
            return new RiskProfileView(p.partyId.toString(), p.partyType.name(), p.region.name(), p.status.name(),
                    p.openedAt);
        }
    }
}
