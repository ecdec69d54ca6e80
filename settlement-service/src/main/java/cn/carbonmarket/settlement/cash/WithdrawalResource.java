package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.party.PartyId;
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

/**
 * Cash out of the market: a participant requests (its own cash only), trading's risk view sets it aside (nothing
 * reserved by open orders may leave), the ledger holds it, the clearing bank pays out or rejects.
 */
@Path("/api/v1/withdrawals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Withdrawals", description = "Cash paid out of the market, in two phases")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "no such withdrawal",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "the key or decision contradicts what is recorded,"
        + " or trading refused to set the amount aside",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WithdrawalResource {

    private final Withdrawals withdrawals;
    private final Caller caller;

    public WithdrawalResource(Withdrawals withdrawals, Caller caller) {
        this.withdrawals = withdrawals;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "Request a withdrawal of own cash", description = "Held as pending until the clearing bank"
            + " decides. Only withdrawable cash may leave: proceeds of today's sales from the next trading day (T+1)."
            + " Trading's risk view must set it aside first (409 WITHDRAWAL_REFUSED_BY_TRADING if open orders reserve"
            + " it). The Idempotency-Key names the withdrawal: the same key again answers 200 with it.")
    @APIResponse(responseCode = "201", description = "held, waiting for the clearing bank")
    @APIResponse(responseCode = "200", description = "requested before under this key")
    @APIResponse(responseCode = "403", description = "not the caller's party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "INSUFFICIENT_FUNDS or NOT_WITHDRAWABLE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "TRADING_UNAVAILABLE: trading's risk view did not answer;"
            + " nothing was held", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> request(@HeaderParam("Idempotency-Key") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}")
                                 String key, @Valid @NotNull WithdrawalRequest request) {
        RequestValidation validation = new RequestValidation();
        PartyId party = validation.field("partyId", () -> PartyId.parse(request.partyId()));
        validation.throwIfInvalid();
        caller.requireSelfOr(party);
        return withdrawals.request(party, request.amountFen(), key, caller.name()).map(outcome -> outcome.replayed()
                ? Response.ok(outcome.withdrawal()).build()
                : Response.created(URI.create("/api/v1/withdrawals/" + outcome.withdrawal().withdrawalId()))
                        .entity(outcome.withdrawal()).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.CLEARING_BANK, Roles.REGULATOR})
    @Operation(summary = "A withdrawal and where it stands")
    public Uni<WithdrawalView> get(@PathParam("id") String id) {
        return withdrawals.get(RequestValidation.uuid("id", id)).invoke(w -> caller.requireSelfOr(
                PartyId.parse(w.partyId()), Roles.CLEARING_BANK, Roles.REGULATOR));
    }

    @POST
    @Path("/{id}/payout")
    @RolesAllowed(Roles.CLEARING_BANK)
    @Operation(summary = "The clearing bank paid the withdrawal out (posts it)")
    public Uni<Response> paid(@PathParam("id") String id, @Valid @NotNull PayoutRequest request) {
        return withdrawals.paid(RequestValidation.uuid("id", id), request.bankReference())
                .map(WithdrawalResource::answer);
    }

    @POST
    @Path("/{id}/rejection")
    @RolesAllowed(Roles.CLEARING_BANK)
    @Operation(summary = "The clearing bank could not pay it out (voids it; the cash is available again)")
    public Uni<Response> rejected(@PathParam("id") String id, @Valid @NotNull PayoutRejection request) {
        return withdrawals.rejected(RequestValidation.uuid("id", id), request.reason()).map(WithdrawalResource::answer);
    }

    private static Response answer(Withdrawals.Outcome outcome) {
        return Response.ok(outcome.withdrawal()).build();
    }

}
