package cn.carbonmarket.registry.account;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import cn.carbonmarket.registry.transaction.TransactionQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
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

    private final Pool pool;
    private final Caller caller;

    public AccountResource(Pool pool, Caller caller) {
        this.pool = pool;
        this.caller = caller;
    }

    public record HoldingView(String instrument, String status, long quantity) {
    }

    public record AccountView(String id, AccountType type, AccountState state, String partyId, String jurisdiction,
                              String freezeReason, String freezeAuthority, Instant frozenAt,
                              List<HoldingView> holdings) {
    }

    @GET
    @Operation(summary = "An account with its non-zero holdings")
    public Uni<AccountView> get(@PathParam("id") String id) {
        AccountId account = visible(id);
        return pool.preparedQuery("select a.id, a.type, a.state, a.party_id, a.jurisdiction, a.freeze_reason,"
                        + " a.freeze_authority, a.frozen_at, h.instrument, h.status, h.quantity from account a"
                        + " left join holding h on h.account_id = a.id and h.quantity <> 0 where a.id = $1"
                        + " order by h.instrument, h.status")
                .execute(Tuple.of(account.value()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + account);
                    }
                    List<HoldingView> holdings = new ArrayList<>();
                    var first = rows.iterator().next();
                    rows.forEach(r -> {
                        if (r.getString("instrument") != null) {
                            holdings.add(new HoldingView(r.getString("instrument"), r.getString("status"),
                                    r.getLong("quantity")));
                        }
                    });
                    var frozenAt = first.getOffsetDateTime("frozen_at");
                    return new AccountView(first.getString("id"), AccountType.valueOf(first.getString("type")),
                            AccountState.valueOf(first.getString("state")),
                            first.getUUID("party_id") == null ? null : first.getUUID("party_id").toString(),
                            first.getString("jurisdiction"), first.getString("freeze_reason"),
                            first.getString("freeze_authority"), frozenAt == null ? null : frozenAt.toInstant(),
                            holdings);
                });
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "Transactions that touched the account, newest first, a page at a time",
            description = "Filters: type (e.g. TRANSFER), from and to (booking dates, inclusive, Asia/Shanghai).")
    public Uni<List<BookedTransaction>> transactions(@PathParam("id") String id, @BeanParam StatementFilter filter) {
        AccountId account = visible(id);
        StatementFilter.Query query = filter.query(account);
        return TransactionQueries.find(pool, "t.id in (select l2.transaction_id from transaction_line l2"
                + " join registry_transaction t2 on t2.id = l2.transaction_id where " + query.where()
                + " order by t2.seq desc limit " + filter.size() + " offset " + filter.offset() + ")", "t.seq desc",
                query.args());
    }

    @GET
    @Path("/transactions.csv")
    @Produces("text/csv")
    @Operation(summary = "The same statement as CSV, one row per line of this account", description = "Columns:"
            + " transaction_id, booked_at, type, instrument, status, delta, initiator.")
    public Uni<Response> transactionsCsv(@PathParam("id") String id, @BeanParam StatementFilter filter) {
        return transactions(id, filter).map(transactions -> {
            StringBuilder csv = new StringBuilder("transaction_id,booked_at,type,instrument,status,delta,initiator\n");
            for (BookedTransaction t : transactions) {
                t.lines().stream().filter(l -> l.account().equals(id)).forEach(l -> csv.append(t.id()).append(',')
                        .append(t.bookedAt()).append(',').append(t.type()).append(',').append(l.instrument())
                        .append(',').append(l.status()).append(',').append(l.delta()).append(',')
                        .append(StatementFilter.csvField(t.initiator())).append('\n'));
            }
            return Response.ok(csv.toString())
                    .header("Content-Disposition", "attachment; filename=\"" + id + "-statement.csv\"").build();
        });
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
