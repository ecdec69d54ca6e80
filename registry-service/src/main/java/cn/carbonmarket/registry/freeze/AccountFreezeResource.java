package cn.carbonmarket.registry.freeze;

import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.account.AccountState;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

/** Freezes of whole accounts ({@link AccountFreezes}). */
@Path("/api/v1/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REGULATOR)
@Tag(name = "Accounts")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "409", description = "the account is not in a state that allows it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AccountFreezeResource {

    private final AccountFreezes freezes;
    private final Caller caller;

    public AccountFreezeResource(AccountFreezes freezes, Caller caller) {
        this.freezes = freezes;
        this.caller = caller;
    }

    public record FreezeView(String id, AccountState state, String freezeReason, String freezeAuthority) {
        static FreezeView of(Account a) {
            return new FreezeView(a.id, a.state, a.freezeReason, a.freezeAuthority);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/freeze")
    @Operation(summary = "Freeze an account on a court's or an authority's order")
    public Uni<FreezeView> freeze(@PathParam("id") String id, @Valid @NotNull FreezeRequest request) {
        return freezes.freeze(id, request.reason(), request.authority(), caller.name()).map(FreezeView::of);
    }

    @POST
    @Path("/unfreeze")
    @Operation(summary = "Lift an account's freeze")
    public Uni<FreezeView> unfreeze(@PathParam("id") String id) {
        return freezes.unfreeze(id, caller.name()).map(FreezeView::of);
    }
}
