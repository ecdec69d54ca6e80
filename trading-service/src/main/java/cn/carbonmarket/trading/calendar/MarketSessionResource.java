package cn.carbonmarket.trading.calendar;

import cn.carbonmarket.platform.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
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

    private final TradingCalendar calendar;
    private final Clock clock;

    public MarketSessionResource(ObjectMapper json, Clock clock) {
        this.calendar = TradingCalendar.load(json);
        this.clock = clock;
    }

    @GET
    @NonBlocking
    @Operation(summary = "The exchange's time, today's trading day and which sessions take orders")
    public MarketSession now() {
        return MarketSession.at(clock.instant(), calendar);
    }
}
