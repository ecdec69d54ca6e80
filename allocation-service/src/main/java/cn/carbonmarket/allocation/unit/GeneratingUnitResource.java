package cn.carbonmarket.allocation.unit;

import cn.carbonmarket.contracts.party.PartyId;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/generating-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Generating units", description = "The units of covered entities that free allocation is computed for")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "403", description = "not the caller's party or region",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "no such unit, or the party is not a covered entity",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class GeneratingUnitResource {

    private static final Pattern UNIT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final UnitRegister register;
    private final Caller caller;

    public GeneratingUnitResource(UnitRegister register, Caller caller) {
        this.register = register;
        this.caller = caller;
    }

    @PUT
    @Path("/{unitId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Register a covered entity's generating unit", description = "By the entity's provincial"
            + " authority or the regulator. The same figures again change nothing (200); new figures update it (200);"
            + " a unit stays with the entity it was first registered for (409 UNIT_OF_ANOTHER_ENTITY).")
    @APIResponse(responseCode = "201", description = "registered now")
    @APIResponse(responseCode = "200", description = "registered before; now as given")
    @APIResponse(responseCode = "400", description = "a field missing or out of its range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the unit belongs to another entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(@PathParam("unitId") String unitId,
                                  @Valid @NotNull UnitRegistration registration) {
        RequestValidation validation = new RequestValidation();
        if (!UNIT_ID.matcher(unitId).matches()) {
            validation.reject("unitId", "a unit id has 1 to 64 letters, digits, '.', '_' or '-'");
        }
        PartyId party = validation.field("partyId", () -> PartyId.parse(registration.partyId()));
        validation.throwIfInvalid();
        return register.register(unitId, party, registration, caller)
                .map(registered -> Response.status(registered.created() ? 201 : 200)
                        .entity(UnitView.of(registered.unit())).build());
    }

    @GET
    @Path("/{unitId}")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "A generating unit", description = "The regulator sees any, a provincial authority those of"
            + " its region, an entity only its own.")
    public Uni<UnitView> get(@PathParam("unitId") String unitId) {
        return register.unit(unitId, caller).map(UnitView::of);
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "A covered entity's generating units", description = "The regulator sees any entity's, a"
            + " provincial authority those of its region, an entity only its own.")
    @APIResponse(responseCode = "400", description = "no partyId given, or not a party id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<UnitView>> ofEntity(@QueryParam("partyId") String partyId) {
        PartyId party = PartyId.parse(partyId);
        caller.requireSelfOr(party, Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY);
        return register.unitsOf(party, caller).map(units -> units.stream().map(UnitView::of).toList());
    }
}
