package cn.carbonmarket.allocation.coverage;

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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/covered-entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Covered entities", description = "Compliance entities the national market allocates to")
@SecurityRequirement(name = "SecurityScheme")
public class CoveredEntityResource {

    private final CoveredEntities entities;
    private final Caller caller;

    public CoveredEntityResource(CoveredEntities entities, Caller caller) {
        this.entities = entities;
        this.caller = caller;
    }

    @GET
    @Path("/{partyId}")
    @WithSession
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "A covered entity", description = "The regulator sees any, a provincial authority those of"
            + " its region, an entity only itself.")
    @APIResponse(responseCode = "403", description = "not the caller's party or region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not a covered entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CoveredEntityView> get(@PathParam("partyId") String partyId) {
        PartyId party = PartyId.parse(partyId);
        caller.requireSelfOr(party, Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY);
        return entities.of(party, caller).map(CoveredEntityView::of);
    }

    public record CoveredEntityView(String partyId, String name, String region, Instant coveredAt) {
        static CoveredEntityView of(CoveredEntity e) {
            return new CoveredEntityView(e.partyId.toString(), e.name, e.region.name(), e.coveredAt);
        }
    }
}
