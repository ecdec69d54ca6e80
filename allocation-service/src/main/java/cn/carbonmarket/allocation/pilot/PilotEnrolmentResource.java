package cn.carbonmarket.allocation.pilot;

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

@Path("/api/v1/compliance/{periodId}/pilot-entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pilot compliance", description = "Entities enrolled in a pilot's compliance period")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "403", description = "the caller does not run the period's pilot (NOT_YOUR_JURISDICTION)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "no such period (PERIOD_NOT_FOUND)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "not a pilot period (NOT_A_PILOT_PERIOD)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PilotEnrolmentResource {

    private final PilotEnrolments enrolments;
    private final Caller caller;

    public PilotEnrolmentResource(PilotEnrolments enrolments, Caller caller) {
        this.enrolments = enrolments;
        this.caller = caller;
    }

    @PUT
    @Path("/{partyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Enrol an entity in a pilot period", description = "The authority running the pilot (or the"
            + " regulator) states the covered entity's sector, its free allocation of the period's allowance and its"
            + " verified emissions (null until verified). A changed free allocation is issued by the difference"
            + " through an issuance instruction PILOT-<periodId>-<partyId>-<n> (FREE_ALLOCATION for more, CLAW_BACK"
            + " for less); the same statement again changes nothing. An entity the national market covers for the"
            + " same sector is refused (State Council Order No. 775).")
    @APIResponse(responseCode = "201", description = "enrolled now")
    @APIResponse(responseCode = "200", description = "enrolled before: unchanged, or changed as stated")
    @APIResponse(responseCode = "400", description = "a missing or malformed field, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "covered nationally for the sector (ONE_MARKET_RULE), or the"
            + " period is not allocating (PERIOD_NOT_ALLOCATING)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> enrol(@PathParam("periodId") String periodId, @PathParam("partyId") String partyId,
                               @Valid @NotNull EnrolmentRequest request) {
        return enrolments.enrol(periodId, PartyId.parse(partyId), request, caller).map(enrolled -> Response
                .status(enrolled.created() ? 201 : 200).entity(enrolled.enrolment()).build());
    }

    @GET
    @Path("/{partyId}")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "An entity's enrolment in a pilot period", description = "With the status of its free"
            + " allocation's latest issuance instruction as the registry answered it (PENDING, ISSUED, REFUSED,"
            + " RETURNED; NONE while nothing was to be issued) and every instruction.")
    @APIResponse(responseCode = "404", description = "not enrolled (NOT_ENROLLED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EnrolmentView> get(@PathParam("periodId") String periodId, @PathParam("partyId") String partyId) {
        return enrolments.get(periodId, PartyId.parse(partyId), caller);
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Every entity enrolled in a pilot period", description = "By region and party.")
    public Uni<List<EnrolmentView>> list(@PathParam("periodId") String periodId) {
        return enrolments.list(periodId, caller);
    }
}
