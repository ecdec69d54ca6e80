package cn.carbonmarket.allocation.issuance;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/issuance-instructions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issuance", description = "Instructions approved runs sent to the registry, and its answers")
@SecurityRequirement(name = "SecurityScheme")
public class IssuanceInstructionResource {

    private final Issuance issuance;
    private final Caller caller;

    public IssuanceInstructionResource(Issuance issuance, Caller caller) {
        this.issuance = issuance;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "Issuance instructions and their status", description = "PENDING until the registry"
            + " answers; ISSUED, REFUSED (with its code and reason) or, for a claw-back, RETURNED (with the tonnes"
            + " returned and those recorded as allocation debt). The regulator sees all, a provincial authority its"
            + " region's, an entity its own allocation's.")
    @APIResponse(responseCode = "400", description = "partyId or runId malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "another entity's instructions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<InstructionView>> list(@QueryParam("periodId") String periodId,
                                           @QueryParam("partyId") String partyId,
                                           @QueryParam("runId") String runId) {
        PartyId party = partyId == null ? null : PartyId.parse(partyId);
        UUID run = runId == null ? null : RequestValidation.uuid("runId", runId);
        return issuance.instructions(periodId, party, run, caller);
    }

    @POST
    @Path("/{instructionId}/resend")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Send a refused instruction again", description = "Once the registry's reason for refusing"
            + " it is dealt with (the entity's holding account opened, say). Same instruction id: the registry books"
            + " an id once, so nothing is ever issued twice.")
    @APIResponse(responseCode = "200", description = "PENDING again, published")
    @APIResponse(responseCode = "404", description = "no such instruction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the instruction is not REFUSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InstructionView> resend(@PathParam("instructionId") String instructionId) {
        return issuance.resend(instructionId);
    }
}
