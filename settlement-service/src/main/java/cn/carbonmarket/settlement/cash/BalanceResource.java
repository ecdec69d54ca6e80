package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/balances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Balances", description = "Cash (fen) and units in trading (tonnes) per party")
@SecurityRequirement(name = "SecurityScheme")
public class BalanceResource {

    private final Balances balances;
    private final Caller caller;

    public BalanceResource(Balances balances, Caller caller) {
        this.balances = balances;
        this.caller = caller;
    }

    @GET
    @Path("/{partyId}")
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.REGULATOR, Roles.EXCHANGE_OPERATOR,
            Roles.CLEARING_BANK})
    @Operation(summary = "A party's balances", description = "Cash available, reserved for auctions, held for"
            + " withdrawal, and withdrawable today (sale proceeds from T+1); units per instrument. A participant sees"
            + " only its own; the regulator, the exchange operator and the clearing bank any.")
    @APIResponse(responseCode = "403", description = "not the caller's party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Balances.PartyBalances> get(@PathParam("partyId") String partyId) {
        PartyId party = PartyId.parse(partyId);
        caller.requireSelfOr(party, Roles.REGULATOR, Roles.EXCHANGE_OPERATOR, Roles.CLEARING_BANK);
        return balances.of(party);
    }
}
