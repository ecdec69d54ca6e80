package cn.carbonmarket.registry.offset;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issuance of offset credits with their origin: CCER by the regulator, a pilot's credits by the pilot's authority. */
@Path("/api/v1/offset-issuances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
@Tag(name = "Offset issuance", description = "Offset credits issued with their project's province and type")
@SecurityRequirement(name = "SecurityScheme")
public class OffsetIssuanceResource {

    private final OffsetIssuances issuances;
    private final Caller caller;

    public OffsetIssuanceResource(OffsetIssuances issuances, Caller caller) {
        this.issuances = issuances;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue offset credits of a recorded origin to a party",
            description = "One OFFSET_ISSUANCE transaction from NATIONAL_ISSUANCE-<jurisdiction> to the party's holding"
                    + " account. CCER by the regulator; a pilot's own credits (BCER of Beijing, PHCER of Guangdong) by"
                    + " the provincial authority that runs the pilot, or the regulator. The product must be one its"
                    + " jurisdiction issues; a project type its pack reserves for some party types goes only to those"
                    + " (PHCER of LOW_CARBON_ACTION to individuals). The same body under the same issuanceId returns"
                    + " the first issuance (200).")
    @APIResponse(responseCode = "201", description = "issued")
    @APIResponse(responseCode = "200", description = "the same issuance was recorded before under this issuanceId")
    @APIResponse(responseCode = "400", description = "invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the caller does not run the product's jurisdiction"
            + " (NOT_YOUR_JURISDICTION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such party (PARTY_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the issuanceId was used for another issuance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "ORIGIN_REQUIRED, RECIPIENT_NOT_ELIGIBLE, or a registry check"
            + " (INSTRUMENT_NOT_ELIGIBLE, ACCOUNT_NOT_OPEN, ...)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issue(@Valid @NotNull OffsetIssuanceRequest request) {
        RequestValidation validation = new RequestValidation();
        PartyId party = validation.field("partyId", () -> PartyId.parse(request.partyId()));
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(request.instrument()));
        validation.throwIfInvalid();
        OffsetIssuance.Asked asked = new OffsetIssuance.Asked(request.issuanceId(), party, instrument,
                request.quantity(), request.projectId(), request.projectName());
        return issuances.issue(asked, caller).map(outcome -> outcome.replayed()
                ? Response.ok(outcome.issuance()).build()
                : Response.created(URI.create("/api/v1/offset-issuances/" + outcome.issuance().issuanceId()))
                        .entity(outcome.issuance()).build());
    }

    @GET
    @Path("/{issuanceId}")
    @Operation(summary = "One offset issuance", description = "To a provincial authority, only those of the pilot it"
            + " runs (another's answers 404 as one that does not exist).")
    @APIResponse(responseCode = "404", description = "no such issuance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OffsetIssuance> get(@PathParam("issuanceId") String issuanceId) {
        return issuances.find(issuanceId, caller);
    }
}
