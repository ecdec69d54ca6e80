package cn.carbonmarket.settlement.tradingrisk;

import cn.carbonmarket.contracts.risk.RiskPosition;
import cn.carbonmarket.contracts.risk.WithdrawalHold;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Trading's risk view, called as the clearing house (the settlement-service client's own token, client
 * credentials): the positions for reconciliation, and the hold that must precede a withdrawal
 * (docs/architecture.md, Flows: out of trading).
 */
@RegisterRestClient(configKey = "trading")
@OidcClientFilter
@Path("/api/v1/risk")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface TradingRisk {

    @GET
    @Path("/positions")
    Uni<List<RiskPosition>> positions();

    @POST
    @Path("/withdrawal-holds")
    Uni<Void> hold(WithdrawalHold hold);

    /** Gives back a hold whose withdrawal the ledger refused after trading granted it. */
    @DELETE
    @Path("/withdrawal-holds/{holdId}")
    Uni<Void> release(@PathParam("holdId") String holdId);
}
