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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cash-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cash accounts", description = "Participants' cash at the clearing house")
@SecurityRequirement(name = "SecurityScheme")
public class CashAccountResource {

    private final CashAccounts accounts;
    private final Caller caller;

    public CashAccountResource(CashAccounts accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Path("/{partyId}")
    @RolesAllowed({Roles.CLEARING_BANK, Roles.REGULATOR, Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "A party's cash account", description = "The clearing bank and the regulator see any;"
            + " a participant only its own.")
    @APIResponse(responseCode = "403", description = "not the caller's party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "the registry has not (yet) admitted this party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CashAccountView> get(@PathParam("partyId") String partyId) {
        PartyId party = PartyId.parse(partyId);
        caller.requireSelfOr(party, Roles.CLEARING_BANK, Roles.REGULATOR);
        return accounts.of(party).map(CashAccountView::of);
    }

    public record CashAccountView(String partyId, String currency, String status, Instant openedAt) {
        static CashAccountView of(CashAccount a) {
            return new CashAccountView(a.partyId.toString(), a.currency, a.status.name(), a.openedAt);
        }
    }
}
