package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/compliance/{periodId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance", description = "Obligations, surrender status, warnings and penalties of a period")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "no such compliance period (PERIOD_NOT_FOUND)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ComplianceResource {

    private final ObligationSetting obligations;
    private final Compliance compliance;
    private final Penalties penalties;
    private final Caller caller;

    public ComplianceResource(ObligationSetting obligations, Compliance compliance, Penalties penalties,
                              Caller caller) {
        this.obligations = obligations;
        this.compliance = compliance;
        this.penalties = penalties;
        this.caller = caller;
    }

    @POST
    @Path("/obligations")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Set the period's obligations", description = "By whoever runs the period's jurisdiction"
            + " (the regulator; a pilot's authority for its pilot's periods). National pack: for every entity with"
            + " verified emissions for each year of the period, per unit: a gas unit at most its final allocation,"
            + " another unit at most its allocation plus the pack's share of its emissions, never more than it"
            + " emitted. Pilot pack: every enrolled entity's verified emissions. The offset limit (the pack's share,"
            + " rounded down), the pack's offset rules, the borrowing limit and the sector with each. An entity whose"
            + " figures changed gets a new version, published as ObligationSet on allocation.obligations; the same"
            + " inputs again change nothing. Entities lacking a year (or, enrolled, verified emissions) are listed as"
            + " not obligated.")
    @APIResponse(responseCode = "403", description = "the caller does not run the period's jurisdiction"
            + " (NOT_YOUR_JURISDICTION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "every obligation of the period, how many changed, and the"
            + " entities not obligated yet")
    @APIResponse(responseCode = "409", description = "the period has no approved true-up (NO_APPROVED_TRUE_UP)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ObligationOutcome> setObligations(@PathParam("periodId") String periodId) {
        return obligations.set(periodId, caller);
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Produces({MediaType.APPLICATION_JSON, ComplianceCsv.MEDIA_TYPE})
    @Operation(summary = "The period's compliance table (JSON; CSV with Accept: text/csv or ?format=csv)",
            description = "Every entity's obligation, surrendered tonnes per kind, status (OPEN, PARTIAL, COMPLIANT;"
                    + " SHORTFALL after the full deadline) and missing tonnes; totals per region and status; the"
                    + " compliance rate as a share of entities and of obligated tonnes. The regulator sees every"
                    + " region, a pilot's authority all of its pilot's periods, another provincial authority its"
                    + " region.")
    public Uni<Response> table(@PathParam("periodId") String periodId, @QueryParam("format") String format,
                               @HeaderParam("Accept") String accept) {
        return compliance.table(periodId, caller).map(table -> ComplianceCsv.wanted(format, accept)
                ? Response.ok(ComplianceCsv.render(table), ComplianceCsv.MEDIA_TYPE).header("Content-Disposition",
                        "attachment; filename=\"compliance-" + table.periodId() + ".csv\"").build()
                : Response.ok(table, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/entities/{partyId}")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "An entity's compliance", description = "Its standing, the units its obligation was summed"
            + " from and any penalty. The regulator any entity's, a provincial authority its region's, an entity"
            + " its own.")
    @APIResponse(responseCode = "403", description = "another entity, or another region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EntityCompliance> entity(@PathParam("periodId") String periodId,
                                        @PathParam("partyId") String partyId) {
        return compliance.entity(periodId, PartyId.parse(partyId), caller);
    }

    @GET
    @Path("/warnings")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Entities below 95% of their obligation before the 95% deadline", description = "While"
            + " the pack's warning window before the 95% deadline is open; an empty list otherwise. A provincial"
            + " authority sees its region's.")
    public Uni<Warnings> warnings(@PathParam("periodId") String periodId) {
        return compliance.warnings(periodId, caller);
    }

    @POST
    @Path("/penalties")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Penalise an entity's shortfall", description = "After the full surrender deadline, by"
            + " whoever runs the period's jurisdiction, by the pack's method. PRICE_MULTIPLE: the missing tonnes x"
            + " the factor (within the pack's range; may be left out where the pack fixes it) x the average of the"
            + " daily closes of the period's allowance over the pack's months ending on the deadline (the suite's"
            + " own closes, else the pilot exchange's recorded ones), half up to the fen, at most the pack's cap."
            + " FIXED_FINE: the fine in fen chosen within the pack's range (fineFen). The pack's multiple of the"
            + " shortfall is recorded for deduction from the next allocation. The same choice again answers the"
            + " decision.")
    @APIResponse(responseCode = "201", description = "decided")
    @APIResponse(responseCode = "200", description = "decided before with the same choice")
    @APIResponse(responseCode = "403", description = "the caller does not run the period's jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "another factor or fine than the one the pack fixes"
            + " (PENALTY_FIXED_BY_PACK)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "a factor or fine outside the pack's range, or missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "before the deadline (DEADLINE_NOT_PASSED), not in shortfall"
            + " (NOT_IN_SHORTFALL), no closes in the months averaged (NO_MARKET_PRICES), or another choice decided"
            + " (PENALTY_DECIDED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> penalise(@PathParam("periodId") String periodId, @Valid @NotNull PenaltyRequest request) {
        return penalties.decide(periodId, PartyId.parse(request.partyId()), request, caller)
                .map(decided -> Response.status(decided.created() ? 201 : 200).entity(decided.penalty()).build());
    }
}
