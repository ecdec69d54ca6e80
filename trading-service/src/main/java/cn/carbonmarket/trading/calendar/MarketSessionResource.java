package cn.carbonmarket.trading.calendar;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.platform.problem.InvalidRequestException;
import cn.carbonmarket.platform.problem.Problem.FieldError;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.trading.rules.TradingRulePack;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The exchange's clock and sessions for participants and integrators (the console shows it; the order-entry
 * benchmark uses it as the service's bare endpoint: the same HTTP and token checks, no work behind them).
 */
@Path("/api/v1/market-session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market session", description = "The exchange's time, trading day and open sessions")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR, Roles.MARKET_DATA})
public class MarketSessionResource {

    private final TradingRulePack pack;
    private final Clock clock;

    public MarketSessionResource(TradingRulePack pack, Clock clock) {
        this.pack = pack;
        this.clock = clock;
    }

    @GET
    @NonBlocking
    @Operation(summary = "The exchange's time, today's trading day and which sessions take orders",
            description = "By the sessions of the jurisdiction given (CN, the national market, by default; a pilot"
                    + " trades by its own hours where its exchange published them).")
    public MarketSession now(@QueryParam("jurisdiction") @DefaultValue("CN") String jurisdiction) {
        Jurisdiction whose = Arrays.stream(Jurisdiction.values()).filter(j -> j.name().equals(jurisdiction))
                .findFirst().filter(j -> pack.calendar(j).isPresent())
                .orElseThrow(() -> new InvalidRequestException(List.of(new FieldError("jurisdiction", "'"
                        + jurisdiction + "' is no jurisdiction trading here; known: "
                        + pack.all().stream().map(rules -> rules.jurisdiction().name()).toList()))));
        return MarketSession.at(whose, clock.instant(), pack.calendar(whose).orElseThrow());
    }
}
