package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deposits")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deposits", description = "Cash arriving at the settlement bank for a participant")
@SecurityRequirement(name = "SecurityScheme")
public class DepositResource {

    private final Deposits deposits;

    public DepositResource(Deposits deposits) {
        this.deposits = deposits;
    }

    @POST
    @RolesAllowed(Roles.CLEARING_BANK)
    @Operation(summary = "Credit a party's cash (clearing bank)", description = "Idempotent by bank reference: the"
            + " same notice again answers 200 with the first booking; the same reference with another party or amount"
            + " is a conflict.")
    @APIResponse(responseCode = "201", description = "booked")
    @APIResponse(responseCode = "200", description = "booked before under this bank reference")
    @APIResponse(responseCode = "409", description = "the bank reference was booked with another party or amount",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "the party has no cash account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deposit(@Valid @NotNull DepositRequest request) {
        RequestValidation validation = new RequestValidation();
        PartyId party = validation.field("partyId", () -> PartyId.parse(request.partyId()));
        validation.throwIfInvalid();
        return deposits.deposit(request.bankReference(), party, request.amountFen())
                .map(applied -> Response.status(applied.replayed() ? 200 : 201)
                        .entity(DepositView.of(request.bankReference(), applied)).build());
    }
}
