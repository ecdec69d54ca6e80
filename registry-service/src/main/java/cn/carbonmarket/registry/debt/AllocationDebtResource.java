package cn.carbonmarket.registry.debt;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A party's allocation debts: what claw-backs asked back that it no longer held. */
@Path("/api/v1/allocation-debts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation debts", description = "Free allocation clawed back but no longer held, per party")
@SecurityRequirement(name = "SecurityScheme")
public class AllocationDebtResource {

    private final AllocationDebts debts;
    private final Caller caller;

    public AllocationDebtResource(AllocationDebts debts, Caller caller) {
        this.debts = debts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "A party's allocation debts per instrument, with the claw-back instructions that left them",
            description = "The regulator sees any party's, a compliance entity only its own. A party without debts"
                    + " has an empty list.")
    @APIResponse(responseCode = "400", description = "no partyId given, or not a party id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "another party's debts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<AllocationDebt>> of(@QueryParam("partyId") String partyId) {
        PartyId party = PartyId.parse(partyId);
        caller.requireSelfOr(party, Roles.REGULATOR);
        return debts.of(party);
    }
}
