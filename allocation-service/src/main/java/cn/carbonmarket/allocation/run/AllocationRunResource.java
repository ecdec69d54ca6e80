package cn.carbonmarket.allocation.run;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
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
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/allocation-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation runs", description = "Compute, review and approve a period's free allocation")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "no such run or compliance period",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AllocationRunResource {

    private final AllocationRuns runs;
    private final Caller caller;

    public AllocationRunResource(AllocationRuns runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Compute a draft run", description = "Every registered unit of every covered entity by the"
            + " period's benchmark pack: a PRE_ALLOCATION on a base year's activity data (each year of the period"
            + " gets the pack's pre-allocation share of it), a TRUE_UP on the verified data of each year of the"
            + " period. The run keeps its inputs (unit figures and a SHA-256 of them) and each entity's difference to"
            + " what approved runs allocated before. Nothing is issued until it is approved.")
    @APIResponse(responseCode = "201", description = "the draft, with its totals")
    @APIResponse(responseCode = "400", description = "a field missing, or a base year where none belongs",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the period is not allocating (PERIOD_NOT_ALLOCATING), a unit"
            + " has no usable data (ACTIVITY_DATA_MISSING), no units (NO_UNITS), or a pre-allocation after an approved"
            + " true-up (PERIOD_TRUED_UP)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> compute(@Valid @NotNull RunRequest request) {
        return runs.compute(request, caller).map(run -> Response.status(201).entity(run).build());
    }

    @GET
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "A period's runs, newest first")
    public Uni<List<RunView>> ofPeriod(@QueryParam("periodId") @NotNull String periodId) {
        return runs.ofPeriod(periodId);
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "A run for review", description = "Totals per region and per unit category, and the"
            + " difference to the period's run approved last before it.")
    public Uni<RunView> get(@PathParam("runId") String runId) {
        return runs.get(RequestValidation.uuid("runId", runId));
    }

    @POST
    @Path("/{runId}/approval")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Approve a draft run", description = "Writes one issuance instruction per entity whose"
            + " allocation the run changes (FREE_ALLOCATION for an increase, CLAW_BACK for a decrease) and publishes"
            + " them on allocation.issuance-instructions in the same transaction. Approving it again answers the"
            + " approved run and publishes nothing.")
    @APIResponse(responseCode = "200", description = "approved (now or before)")
    @APIResponse(responseCode = "409", description = "another run of the period was approved after this one was"
            + " computed (RUN_STALE), or the period is not allocating",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RunView> approve(@PathParam("runId") String runId) {
        return runs.approve(RequestValidation.uuid("runId", runId), caller);
    }

    @GET
    @Path("/{runId}/entities")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "A run's entity figures", description = "Allocation, what was allocated before, the"
            + " difference approval issues or claws back, and the entity's allocation in the last approved run. The"
            + " regulator sees all (or one region), a provincial authority its own region's.")
    @APIResponse(responseCode = "403", description = "another region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<EntityAllocationView>> entities(@PathParam("runId") String runId,
                                                    @QueryParam("region") String region) {
        UUID run = RequestValidation.uuid("runId", runId);
        RequestValidation validation = new RequestValidation();
        Region scope = region == null ? null : validation.field("region", () -> Region.parse(region));
        validation.throwIfInvalid();
        return runs.entities(run, scope, caller);
    }

    @GET
    @Path("/{runId}/units")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "An entity's unit figures in a run", description = "Per unit and data year: the figures,"
            + " the correction factors and the tonnes. The regulator any entity's, a provincial authority its"
            + " region's, an entity its own.")
    @APIResponse(responseCode = "403", description = "another entity, or another region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<UnitAllocationView>> units(@PathParam("runId") String runId,
                                               @QueryParam("partyId") String partyId) {
        UUID run = RequestValidation.uuid("runId", runId);
        return runs.units(run, PartyId.parse(partyId), caller);
    }
}
