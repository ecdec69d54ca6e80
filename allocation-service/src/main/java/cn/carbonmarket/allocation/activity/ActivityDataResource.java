package cn.carbonmarket.allocation.activity;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/activity-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity data", description = "Each generating unit's production per year, which free allocation is"
        + " computed from")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "400", description = "a field or the year out of its range",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "not the caller's party or region, or verified data by a province",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ActivityDataResource {

    private static final String CSV = "text/csv";
    private static final int FIRST_YEAR = 2013;
    private static final int LAST_YEAR = 2100;

    private final ActivityData activity;
    private final ActivityUploads uploads;
    private final Caller caller;

    public ActivityDataResource(ActivityData activity, ActivityUploads uploads, Caller caller) {
        this.activity = activity;
        this.uploads = uploads;
        this.caller = caller;
    }

    @PUT
    @Path("/{year}/{unitId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Record a unit's activity data of a year", description = "By the unit's provincial authority"
            + " or the regulator. Only the regulator records `verified: true`, and only the regulator changes a"
            + " verified record. The same figures again change nothing.")
    @APIResponse(responseCode = "201", description = "recorded now")
    @APIResponse(responseCode = "200", description = "recorded before; now as given")
    @APIResponse(responseCode = "404", description = "no such unit (UNIT_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the regulator verified the record (ACTIVITY_VERIFIED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(@PathParam("year") int year, @PathParam("unitId") String unitId,
                                @Valid @NotNull ActivityRequest request) {
        requireYear(year);
        return activity.record(year, unitId, request, caller)
                .map(recorded -> Response.status(recorded.created() ? 201 : 200).entity(recorded.record()).build());
    }

    @GET
    @Path("/{year}/{unitId}")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "A unit's activity data of a year", description = "The regulator sees any, a provincial"
            + " authority those of its region, an entity only its own units'.")
    @APIResponse(responseCode = "404", description = "no such unit (UNIT_NOT_FOUND) or nothing recorded for the year"
            + " (ACTIVITY_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ActivityRecord> get(@PathParam("year") int year, @PathParam("unitId") String unitId) {
        requireYear(year);
        return activity.get(year, unitId, caller);
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "A covered entity's activity data of a year", description = "Its units' records, by unit"
            + " id. The regulator sees any entity's, a provincial authority those of its region, an entity only its"
            + " own.")
    @APIResponse(responseCode = "404", description = "not a covered entity (NOT_COVERED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ActivityRecord>> ofEntity(@PathParam("year") int year, @QueryParam("partyId") String partyId) {
        requireYear(year);
        return activity.ofEntity(year, PartyId.parse(partyId), caller);
    }

    @POST
    @Path("/{year}/uploads")
    @Consumes(CSV)
    @Blocking
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Upload a year's activity data as CSV", description = "Header line `"
            + "unit_id,electricity_supplied_mwh,heat_supplied_gj,load_factor,heat_supply_ratio`, then one unit a"
            + " line: whole MWh and GJ, shares from 0 to 1 with at most 4 decimal places. All lines are recorded or,"
            + " if any is wrong, none: the 400 (UPLOAD_INVALID) lists each wrong line's `line`, `field` and `reason`"
            + " (the first 1,000; `errorCount` says how many in all). A province uploads its region's units only and"
            + " cannot change verified records; `verified=true` is the regulator's. The same content again (same"
            + " year and verified flag) answers the first upload's receipt with 200 and records nothing.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
            example = "unit_id,electricity_supplied_mwh,heat_supplied_gj,load_factor,heat_supply_ratio\n"
                    + "HB-WUHAN-1,3000000,1000000,0.82,0.15\n")))
    @APIResponse(responseCode = "201", description = "recorded now: the receipt")
    @APIResponse(responseCode = "200", description = "this content was uploaded before: its receipt")
    @APIResponse(responseCode = "400", description = "the year, or lines of the upload (UPLOAD_INVALID, with errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = UploadProblemMapper.UploadProblem.class)))
    public Uni<Response> upload(@PathParam("year") int year,
                                @QueryParam("verified") @DefaultValue("false") boolean verified, InputStream body) {
        requireYear(year);
        return uploads.upload(year, body, verified, caller)
                .map(uploaded -> Response.status(uploaded.created() ? 201 : 200).entity(uploaded.receipt()).build());
    }

    private static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            RequestValidation validation = new RequestValidation();
            validation.reject("year", "a year from " + FIRST_YEAR + " to " + LAST_YEAR);
            validation.throwIfInvalid();
        }
    }
}
