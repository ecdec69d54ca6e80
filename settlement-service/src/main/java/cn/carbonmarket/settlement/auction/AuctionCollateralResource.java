package cn.carbonmarket.settlement.auction;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Auction collateral: bidders reserve their own cash, the exchange operator settles the auction. */
@Path("/api/v1/auction-collateral")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auction collateral", description = "Cash reserved before bidding, paid out by the auction's trades")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "409", description = "another auction's collateral is open, or the bid id is reused",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuctionCollateralResource {

    private static final String AUCTION_ID = "[A-Za-z0-9._-]{1,64}";

    private final AuctionCollaterals collaterals;
    private final Caller caller;

    public AuctionCollateralResource(AuctionCollaterals collaterals, Caller caller) {
        this.collaterals = collaterals;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "Reserve own cash as collateral for an auction bid", description = "Held from available"
            + " cash (pending) until the auction's first trade for the bidder puts it into use. One auction at a time"
            + " per party. The same request again answers 200.")
    @APIResponse(responseCode = "201", description = "held")
    @APIResponse(responseCode = "200", description = "reserved before with the same figures")
    @APIResponse(responseCode = "422", description = "INSUFFICIENT_FUNDS",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reserve(@Valid @NotNull CollateralRequest request) {
        RequestValidation validation = new RequestValidation();
        PartyId party = validation.field("partyId", () -> PartyId.parse(request.partyId()));
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(request.instrument()));
        validation.throwIfInvalid();
        caller.requireSelfOr(party);
        return collaterals.reserve(request.auctionId(), party, instrument, request.amountFen()).map(o -> o.replayed()
                ? Response.ok(o.collateral()).build()
                : Response.created(URI.create("/api/v1/auction-collateral/" + request.auctionId()))
                        .entity(o.collateral()).build());
    }

    @GET
    @Path("/{auctionId}")
    @RolesAllowed({Roles.EXCHANGE_OPERATOR, Roles.REGULATOR, Roles.CLEARING_BANK})
    @Operation(summary = "Every bidder's collateral for an auction")
    public Uni<List<CollateralView>> ofAuction(@PathParam("auctionId") @Pattern(regexp = AUCTION_ID) String auctionId) {
        return collaterals.ofAuction(auctionId);
    }

    @POST
    @Path("/{auctionId}/settlement")
    @RolesAllowed(Roles.EXCHANGE_OPERATOR)
    @Operation(summary = "Settle an auction's collateral once its trades are cleared", description = "Unused reserved"
            + " cash goes back to available; reservations no trade used are voided. Idempotent.")
    @APIResponse(responseCode = "404", description = "AUCTION_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<CollateralView>> settle(@PathParam("auctionId") @Pattern(regexp = AUCTION_ID) String auctionId) {
        return collaterals.settle(auctionId);
    }
}
