package cn.carbonmarket.registry.account;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.holding.Holding;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Statements: an account's holdings and the transactions that touched it. */
@Path("/api/v1/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
@Tag(name = "Accounts", description = "Holdings and transaction statements; a participant sees its own account")
@SecurityRequirement(name = "SecurityScheme")
public class AccountResource {

    private final AccountStatements statements;
    private final Caller caller;

    public AccountResource(AccountStatements statements, Caller caller) {
        this.statements = statements;
        this.caller = caller;
    }

    public record HoldingView(String instrument, String status, long quantity) {

        static HoldingView of(Holding holding) {
            return new HoldingView(holding.key().instrument().toString(), holding.key().status().name(),
                    holding.quantity());
        }
    }

    public record AccountView(String id, AccountType type, AccountState state, String partyId, String jurisdiction,
                              String freezeReason, String freezeAuthority, Instant frozenAt,
                              List<HoldingView> holdings) {

        static AccountView of(AccountStatements.Position position) {
            Account a = position.account();
            return new AccountView(a.id, a.type, a.state, a.partyId == null ? null : a.partyId.toString(),
                    a.jurisdiction, a.freezeReason, a.freezeAuthority, a.frozenAt,
                    position.holdings().stream().map(HoldingView::of).toList());
        }
    }

    @GET
    @Operation(summary = "An account with its non-zero holdings")
    public Uni<AccountView> get(@PathParam("id") String id) {
        return statements.position(visible(id)).map(AccountView::of);
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "Transactions that touched the account, newest first, a page at a time",
            description = "Filters: type (e.g. TRANSFER), from and to (booking dates, inclusive, Asia/Shanghai).")
    public Uni<List<BookedTransaction>> transactions(@PathParam("id") String id,
                                                     @Valid @BeanParam StatementFilter filter) {
        return statements.transactions(filter.pageOf(visible(id)));
    }

    @GET
    @Path("/transactions.csv")
    @Produces("text/csv")
    @Operation(summary = "The same statement as CSV, one row per line of this account", description = "Columns:"
            + " transaction_id, booked_at, type, instrument, status, delta, initiator.")
    public Uni<Response> transactionsCsv(@PathParam("id") String id, @Valid @BeanParam StatementFilter filter) {
        return transactions(id, filter).map(transactions -> Response.ok(StatementCsv.render(id, transactions))
                .header("Content-Disposition", "attachment; filename=\"" + id + "-statement.csv\"").build());
    }

    /** The regulator sees every account; a participant only its own holding account. */
    private AccountId visible(String id) {
        AccountId account = AccountId.parse(id);
        if (!caller.hasRole(Roles.REGULATOR)) {
            boolean own = caller.partyId().map(AccountId::holdingOf).filter(account::equals).isPresent();
            if (!own) {
                throw new cn.carbonmarket.platform.problem.ForbiddenException("NOT_YOUR_ACCOUNT",
                        "the caller may only see its own holding account");
            }
        }
        return account;
    }
}
