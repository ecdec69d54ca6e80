package cn.carbonmarket.registry.freeze;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.account.AccountState;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Judicial or administrative freezes of whole accounts. A frozen account sends nothing (every movement out of it
 * is refused with ACCOUNT_NOT_OPEN) but still receives, so that settlement and issuance owed to it are not lost.
 */
@Path("/api/v1/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REGULATOR)
@Tag(name = "Accounts")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "409", description = "the account is not in a state that allows it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AccountFreezeResource {

    private static final Logger LOG = Logger.getLogger(AccountFreezeResource.class);

    private final Caller caller;
    private final Clock clock;

    public AccountFreezeResource(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    public record FreezeView(String id, AccountState state, String freezeReason, String freezeAuthority) {
        static FreezeView of(Account a) {
            return new FreezeView(a.id, a.state, a.freezeReason, a.freezeAuthority);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/freeze")
    @WithTransaction
    @Operation(summary = "Freeze an account on a court's or an authority's order")
    public Uni<FreezeView> freeze(@PathParam("id") String id, @Valid @NotNull FreezeRequest request) {
        return account(id).map(account -> {
            if (account.state != AccountState.OPEN) {
                throw new ConflictException("ACCOUNT_NOT_OPEN", "account " + id + " is " + account.state);
            }
            account.state = AccountState.FROZEN;
            account.freezeReason = request.reason();
            account.freezeAuthority = request.authority();
            account.frozenAt = clock.instant();
            LOG.infof("account %s frozen by %s on the order of %s: %s", id, caller.name(), request.authority(),
                    request.reason());
            return FreezeView.of(account);
        });
    }

    @POST
    @Path("/unfreeze")
    @WithTransaction
    @Operation(summary = "Lift an account's freeze")
    public Uni<FreezeView> unfreeze(@PathParam("id") String id) {
        return account(id).map(account -> {
            if (account.state != AccountState.FROZEN) {
                throw new ConflictException("ACCOUNT_NOT_FROZEN", "account " + id + " is " + account.state);
            }
            LOG.infof("account %s unfrozen by %s (was frozen on the order of %s)", id, caller.name(),
                    account.freezeAuthority);
            account.state = AccountState.OPEN;
            account.freezeReason = null;
            account.freezeAuthority = null;
            account.frozenAt = null;
            return FreezeView.of(account);
        });
    }

    private static Uni<Account> account(String id) {
        return Account.<Account>findById(AccountId.parse(id).value())
                .onItem().ifNull().failWith(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + id));
    }
}
