package cn.carbonmarket.registry.migration;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.transaction.Initiator;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a migration set aside in suspense, and its assignment by the regulator to the holders it identified. */
@Path("/api/v1/migrations/{id}/suspense")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REGULATOR)
@Tag(name = "Migration")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "no such job, or nothing of that pilot account in suspense",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "the job did not commit, or the units went to another party",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SuspenseResource {

    private final SuspenseAssignments assignments;
    private final Caller caller;

    public SuspenseResource(SuspenseAssignments assignments, Caller caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The job's set-aside units per pilot account, with their assignment once made")
    public Uni<List<SuspenseAssignments.SuspenseHolding>> list(@PathParam("id") UUID job) {
        return assignments.list(job);
    }

    @POST
    @Path("/{pilotAccount}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a pilot account's set-aside units to a national party",
            description = "Books one MIGRATION transaction from the pilot's suspense account to the party's holding"
                    + " account. Repeating it for the same party returns the assignment (200).")
    @APIResponse(responseCode = "201", description = "assigned")
    @APIResponse(responseCode = "200", description = "assigned to this party before")
    @APIResponse(responseCode = "422", description = "a registry check refused it (e.g. ACCOUNT_NOT_FOUND: the party"
            + " has no holding account)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@PathParam("id") UUID job, @PathParam("pilotAccount") String pilotAccount,
                                @Valid @NotNull SuspenseAssignmentRequest request) {
        RequestValidation validation = new RequestValidation();
        PartyId party = validation.field("party", () -> PartyId.parse(request.party()));
        validation.throwIfInvalid();
        return assignments.assign(job, pilotAccount, party, request.evidence(), Initiator.regulator(caller.name()))
                .map(assigned -> Response.status(assigned.replayed() ? 200 : 201).entity(assigned.holding()).build());
    }
}
