package cn.carbonmarket.settlement.units;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** Units out of trading: a participant takes its own units back to its registry holding, once trading agrees. */
@Path("/api/v1/unit-withdrawals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Unit withdrawals", description = "Units released from trading back to the registry")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "403", description = "not the caller's party",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UnitWithdrawalResource {

    private final UnitWithdrawals withdrawals;
    private final Caller caller;

    public UnitWithdrawalResource(UnitWithdrawals withdrawals, Caller caller) {
        this.withdrawals = withdrawals;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "Take own units out of trading", description = "Trading's risk view must set them aside"
            + " first (409 WITHDRAWAL_REFUSED_BY_TRADING if open orders reserve them or they were bought today, T+1);"
            + " then they leave the party's position and the registry is told (UnitsReleased) to move them from"
            + " IN_TRADING to AVAILABLE. The Idempotency-Key names the withdrawal: the same key again answers 200.")
    @APIResponse(responseCode = "201", description = "released")
    @APIResponse(responseCode = "200", description = "released before under this key")
    @APIResponse(responseCode = "409", description = "ENTRY_ID_CONFLICT (the key with another body) or"
            + " WITHDRAWAL_REFUSED_BY_TRADING", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "INSUFFICIENT_UNITS: more than the party's available units",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "TRADING_UNAVAILABLE: trading's risk view did not answer;"
            + " nothing was released", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> request(@HeaderParam("Idempotency-Key") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}")
                                 String key, @Valid @NotNull UnitWithdrawalRequest request) {
        RequestValidation validation = new RequestValidation();
        PartyId party = validation.field("partyId", () -> PartyId.parse(request.partyId()));
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(request.instrument()));
        validation.throwIfInvalid();
        caller.requireSelfOr(party);
        return withdrawals.request(party, instrument, request.quantity(), key, caller.name())
                .map(outcome -> outcome.replayed() ? Response.ok(outcome.withdrawal()).build()
                        : Response.created(URI.create("/api/v1/unit-withdrawals/"
                                + outcome.withdrawal().withdrawalId())).entity(outcome.withdrawal()).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR})
    @Operation(summary = "A unit withdrawal", description = "By its withdrawal id: a participant's (a UUID) or an"
            + " auction's release id for the auctioneer's unsold units (the operator and the regulator).")
    @APIResponse(responseCode = "404", description = "UNIT_WITHDRAWAL_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UnitWithdrawalView> get(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}") String id) {
        return withdrawals.get(id).invoke(w -> caller.requireSelfOr(
                PartyId.parse(w.partyId()), Roles.EXCHANGE_OPERATOR, Roles.REGULATOR));
    }

}
