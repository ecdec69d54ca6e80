package cn.carbonmarket.allocation.period;

import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/compliance-periods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance periods", description = "The years a jurisdiction allocates and collects surrender for")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "no such period",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CompliancePeriodResource {

    private final CompliancePeriods periods;
    private final Caller caller;

    public CompliancePeriodResource(CompliancePeriods periods, Caller caller) {
        this.periods = periods;
        this.caller = caller;
    }

    /** The next status of a period. */
    public record StatusChange(@Schema(examples = "ALLOCATING") @NotNull PeriodStatus status) {
    }

    @PUT
    @Path("/{periodId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Open a compliance period", description = "In DRAFT, by whoever runs its jurisdiction: the"
            + " regulator, or a pilot's provincial authority its pilot's periods (id <J>-<year>, the pilot's"
            + " allowance of that year, pack <J>-<year>). The pack must be the jurisdiction's. Past deadlines are"
            + " accepted (a pilot's year brought onto the suite after it closed). The same terms again change"
            + " nothing (200); other terms for an opened period are a conflict (409 PERIOD_EXISTS).")
    @APIResponse(responseCode = "403", description = "the caller does not run the jurisdiction (NOT_YOUR_JURISDICTION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "201", description = "opened now")
    @APIResponse(responseCode = "200", description = "opened before with these terms")
    @APIResponse(responseCode = "400", description = "terms that break a rule, each field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "opened before with other terms",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> open(@PathParam("periodId") String periodId, @Valid @NotNull PeriodTerms terms) {
        return periods.open(periodId, terms, caller).map(opened -> Response
                .status(opened.created() ? 201 : 200).entity(PeriodView.of(opened.period())).build());
    }

    @POST
    @Path("/{periodId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Move a period to its next status", description = "DRAFT -> ALLOCATING -> REPORTING ->"
            + " SURRENDER -> CLOSED, one step at a time, by whoever runs its jurisdiction; asking for the status it"
            + " has changes nothing.")
    @APIResponse(responseCode = "403", description = "the caller does not run the jurisdiction (NOT_YOUR_JURISDICTION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "not the next status (STATUS_TRANSITION_NOT_ALLOWED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PeriodView> move(@PathParam("periodId") String periodId, @Valid @NotNull StatusChange change) {
        return periods.move(periodId, change.status(), caller).map(PeriodView::of);
    }

    @GET
    @Path("/{periodId}")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY, Roles.VERIFIER})
    @Operation(summary = "A compliance period")
    public Uni<PeriodView> get(@PathParam("periodId") String periodId) {
        return periods.get(periodId).map(PeriodView::of);
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY, Roles.VERIFIER})
    @Operation(summary = "Every compliance period, the latest first")
    public Uni<List<PeriodView>> all() {
        return periods.all().map(all -> all.stream().map(PeriodView::of).toList());
    }
}
