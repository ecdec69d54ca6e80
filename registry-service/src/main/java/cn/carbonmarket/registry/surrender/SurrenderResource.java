package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.party.PartyService;
import cn.carbonmarket.registry.transaction.Initiator;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Surrender of units against a compliance obligation, by the entity itself (nobody surrenders on its behalf), and
 * the state of an obligation.
 */
@Path("/api/v1/surrenders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surrenders", description = "Units surrendered against compliance obligations")
@SecurityRequirement(name = "SecurityScheme")
public class SurrenderResource {

    private final Surrenders surrenders;
    private final PartyService parties;
    private final Caller caller;

    public SurrenderResource(Surrenders surrenders, PartyService parties, Caller caller) {
        this.surrenders = surrenders;
        this.parties = parties;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPLIANCE_ENTITY)
    @Operation(summary = "Surrender own units against the obligation of a compliance period",
            description = "One SURRENDER transaction from the entity's AVAILABLE holdings into SURRENDER-<periodId>,"
                    + " all lines or none. The period's allowance (CEA, or the pilot's own) of its vintage or earlier"
                    + " counts in full, of the next vintage within the borrowing limit; the offsets the obligation"
                    + " accepts within the offset limit, those from outside its local region (or of unrecorded"
                    + " origin) within their share of it; all of it within the obligation. A refusal names what may"
                    + " still be surrendered of each kind.")
    @APIResponse(responseCode = "201", description = "booked")
    @APIResponse(responseCode = "200", description = "the same surrender was booked before under this surrenderId")
    @APIResponse(responseCode = "400", description = "invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not the caller's party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the surrenderId was used for another request, or"
            + " ONE_MARKET_RULE: a pilot period of a sector the national market covers the entity for",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "refused: NO_OBLIGATION, INSTRUMENT_NOT_ELIGIBLE,"
            + " OFFSET_LIMIT_EXCEEDED, NON_LOCAL_OFFSET_LIMIT_EXCEEDED, BORROWING_LIMIT_EXCEEDED,"
            + " SURRENDER_EXCEEDS_OBLIGATION or a registry check",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> surrender(@Valid @NotNull SurrenderRequest request) {
        RequestValidation validation = new RequestValidation();
        PartyId party = validation.field("partyId", () -> PartyId.parse(request.partyId()));
        String periodId = validation.field("periodId", () -> Surrender.periodId(request.periodId()));
        List<SurrenderObligation.Line> lines = new ArrayList<>(request.lines().size());
        Set<InstrumentCode> listed = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            SurrenderRequest.Line line = request.lines().get(i);
            String field = "lines[" + i + "].instrument";
            InstrumentCode instrument = validation.field(field, () -> InstrumentCode.parse(line.instrument()));
            if (instrument != null && !listed.add(instrument)) {
                validation.reject(field, instrument + " is listed twice");
            }
            lines.add(new SurrenderObligation.Line(instrument, line.quantity()));
        }
        validation.throwIfInvalid();
        caller.requireSelfOr(party);
        Surrender surrender = new Surrender(request.surrenderId(), party, periodId, lines);
        return surrenders.surrender(surrender, Initiator.party(party, caller.name())).map(outcome -> outcome.replayed()
                ? Response.ok(outcome.transaction()).build()
                : Response.created(URI.create("/api/v1/surrenders?partyId=" + party + "&periodId="
                        + periodId)).entity(outcome.transaction()).build());
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY})
    @Operation(summary = "An entity's obligation for a period, surrendered and remaining per kind, its surrenders",
            description = "The regulator sees any entity's, a provincial authority its region's, an entity its own.")
    @APIResponse(responseCode = "400", description = "partyId or periodId missing or invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "a participant asking for another party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no obligation of the party for the period is known; to a"
            + " provincial authority, no such party in its region (PARTY_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurrenderView> of(@QueryParam("partyId") String partyId, @QueryParam("periodId") String periodId) {
        RequestValidation validation = new RequestValidation();
        PartyId party = validation.field("partyId", () -> PartyId.parse(partyId));
        String period = validation.field("periodId", () -> Surrender.periodId(periodId));
        validation.throwIfInvalid();
        caller.requireSelfOr(party, Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY);
        Uni<Void> allowed = !caller.hasRole(Roles.PROVINCIAL_AUTHORITY) ? Uni.createFrom().voidItem()
                : parties.findFor(caller, party).replaceWithVoid();
        return allowed.flatMap(ok -> surrenders.of(party, period));
    }
}
