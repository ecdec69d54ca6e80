package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.trading.leadership.Leadership;
import cn.carbonmarket.trading.listing.InstrumentListings;
import cn.carbonmarket.trading.listing.ListedInstrument;
import cn.carbonmarket.trading.rules.ListingRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The listed instruments, and the exchange operator's listing of a new one (each year's vintage) while the exchange
 * runs: on the active instance, recorded once for good, its desk open at once.
 */
@Path("/api/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instruments", description = "Listing, depth of book; halt and resume")
@SecurityRequirement(name = "SecurityScheme")
public class InstrumentListingResource {

    /** A listed instrument as the API shows it. */
    public record Listing(String instrument, long referencePriceFen, String source, String listedBy,
                          Instant listedAt) {

        static Listing of(ListedInstrument listed) {
            return new Listing(listed.code().toString(), listed.previousClose(), listed.source(), listed.listedBy(),
                    listed.listedAt());
        }
    }

    private final InstrumentListings listings;
    private final ExchangeRecovery exchange;
    private final TradingRulePack pack;
    private final Leadership leadership;
    private final Caller caller;
    private final Clock clock;

    public InstrumentListingResource(InstrumentListings listings, ExchangeRecovery exchange, TradingRulePack pack,
                                     Leadership leadership, Caller caller, Clock clock) {
        this.listings = listings;
        this.exchange = exchange;
        this.pack = pack;
        this.leadership = leadership;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR,
            Roles.MARKET_DATA})
    @Operation(summary = "Every listed instrument, with its reference price and who listed it")
    public List<Listing> listed() {
        return listings.all().stream().map(Listing::of).toList();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EXCHANGE_OPERATOR)
    @Operation(summary = "List an instrument for continuous trading, with the reference price of its first day",
            description = "The same listing again answers 200; an instrument is listed once, for good.")
    @APIResponse(responseCode = "201", description = "listed: its book takes orders in the jurisdiction's sessions")
    @APIResponse(responseCode = "200", description = "listed already, with this reference price and source")
    @APIResponse(responseCode = "409", description = "listed already with another reference price or source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "no trading rules for its jurisdiction, or a price off the tick",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "not the active instance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(@PathParam("code") String code, @Valid @NotNull InstrumentListingRequest request) {
        InstrumentCode instrument = InstrumentCode.parse(code);
        long price = request.referencePriceFen();
        ListingRules rules = pack.rules(instrument.product().jurisdiction()).orElseThrow(() ->
                new RuleViolationException("NO_TRADING_RULES", instrument.product().jurisdiction()
                        + " has no trading rules here, so " + instrument + " cannot be listed")).listing();
        if (price % rules.tick() != 0) {
            throw new RuleViolationException("PRICE_NOT_ON_TICK", price + " fen is not a multiple of the tick "
                    + rules.tick());
        }
        leadership.requireAccepting();
        return listings.list(instrument, price, request.source().strip(), caller.name(), clock.instant())
                .invoke(listed -> exchange.opened(listed.instrument()))
                .map(listed -> Response.status(listed.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(Listing.of(listed.instrument())).build());
    }
}
