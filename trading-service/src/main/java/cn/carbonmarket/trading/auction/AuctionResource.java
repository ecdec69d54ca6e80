package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.trading.auction.AuctionViews.AuctionView;
import cn.carbonmarket.trading.auction.AuctionViews.BidView;
import cn.carbonmarket.trading.auction.AuctionViews.ResultView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One-way auctions: the operator announces (allocation's primary auctions arrive as events) and closes; participants
 * bid sealed and see their own bids.
 */
@Path("/api/v1/auctions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auctions", description = "One-way auctions (the operator's and allocation's primary auctions):"
        + " announcement, sealed bids, uniform-price close, results")
@SecurityRequirement(name = "SecurityScheme")
public class AuctionResource {

    private final AuctionHouse house;
    private final Caller caller;

    public AuctionResource(AuctionHouse house, Caller caller) {
        this.house = house;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EXCHANGE_OPERATOR)
    @Operation(summary = "Announce an auction: seller, instrument, volume, reserve price and bid window")
    @APIResponse(responseCode = "201", description = "announced")
    @APIResponse(responseCode = "422", description = "AUCTION_ABOVE_MAXIMUM, BID_WINDOW_PASSED,"
            + " BID_WINDOW_OUT_OF_RANGE, INSTRUMENT_HALTED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> announce(@Valid @NotNull AuctionAnnouncement entry) {
        RequestValidation validation = new RequestValidation();
        PartyId seller = validation.field("seller", () -> PartyId.parse(entry.seller()));
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(entry.instrument()));
        if (!entry.closesAt().isAfter(entry.opensAt())) {
            validation.reject("closesAt", "the bid window closes after it opens");
        }
        validation.throwIfInvalid();
        return house.announce(new AuctionHouse.Terms(seller, instrument, entry.quantity(), entry.reservePriceFen(),
                        entry.opensAt(), entry.closesAt()), caller.name())
                .map(auction -> Response.status(Response.Status.CREATED).entity(AuctionView.of(auction)).build());
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR})
    @Operation(summary = "Every auction's public terms and state, oldest first")
    public Uni<List<AuctionView>> auctions() {
        return house.auctions().map(all -> all.stream().map(AuctionView::of).toList());
    }

    @GET
    @Path("/{auctionId}")
    @WithSession
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR})
    @Operation(summary = "One auction's public terms and state")
    public Uni<AuctionView> auction(@PathParam("auctionId") long auctionId) {
        return house.auction(auctionId).map(AuctionView::of);
    }

    @POST
    @Path("/{auctionId}/bids")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "Place a sealed bid for the caller's party",
            description = "Within the bid window, at or above the reserve price, in whole lots, at most what the"
                    + " auction offers; not by the seller; only by parties of the eligible types; the bidder's bids"
                    + " together at most the bidder cap. Nobody but the bidder and the operator sees it before the"
                    + " close.")
    @APIResponse(responseCode = "201", description = "placed")
    @APIResponse(responseCode = "409", description = "AUCTION_CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "OUTSIDE_BID_WINDOW, BELOW_RESERVE_PRICE, LOT_SIZE,"
            + " BID_ABOVE_VOLUME, NOT_ELIGIBLE, ABOVE_BIDDER_CAP, SELLER_CANNOT_BID, TOO_MANY_BIDS,"
            + " INSUFFICIENT_CASH, POSITION_LIMIT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> bid(@PathParam("auctionId") long auctionId, @Valid @NotNull BidEntry entry) {
        return house.bid(party(), auctionId, entry.priceFen(), entry.quantity())
                .map(bid -> Response.status(Response.Status.CREATED).entity(BidView.of(bid)).build());
    }

    @GET
    @Path("/{auctionId}/bids")
    @WithSession
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR})
    @Operation(summary = "The bids the caller may see: a participant its own, the operator and regulator all")
    public Uni<List<BidView>> bids(@PathParam("auctionId") long auctionId) {
        Optional<PartyId> own = oversight() ? Optional.empty() : Optional.of(party());
        return house.auction(auctionId).chain(() -> house.bids(auctionId)).map(bids -> bids.stream()
                .filter(bid -> own.map(party -> party.value().equals(bid.bidder)).orElse(true))
                .map(BidView::of).toList());
    }

    @POST
    @Path("/{auctionId}/close")
    @RolesAllowed(Roles.EXCHANGE_OPERATOR)
    @Operation(summary = "Close an auction whose bid window has ended: clear it or cancel it",
            description = "The service also closes due auctions by itself; whichever comes first closes it.")
    @APIResponse(responseCode = "409", description = "BID_WINDOW_OPEN, AUCTION_CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuctionView> close(@PathParam("auctionId") long auctionId) {
        return house.close(auctionId).map(AuctionView::of);
    }

    @GET
    @Path("/{auctionId}/result")
    @WithSession
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR})
    @Operation(summary = "A closed auction's result: its price and the allocations the caller may see",
            description = "Participants see their own allocations, the seller and oversight all of them.")
    @APIResponse(responseCode = "409", description = "AUCTION_NOT_CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ResultView> result(@PathParam("auctionId") long auctionId) {
        boolean oversight = oversight();
        Optional<PartyId> party = oversight ? Optional.empty() : Optional.of(party());
        return house.auction(auctionId).chain(auction -> {
            if (auction.state == Auction.State.ANNOUNCED) {
                throw new ConflictException("AUCTION_NOT_CLOSED", "auction " + auctionId + " has not closed yet");
            }
            boolean seesAll = party.map(p -> p.value().equals(auction.seller)).orElse(true);
            return house.bids(auctionId).map(bids -> new ResultView(auction.id, auction.state.name(),
                    auction.quantity, auction.offered(), auction.demand, auction.clearingPrice, auction.sold,
                    bids.stream()
                    .filter(bid -> seesAll || party.get().value().equals(bid.bidder))
                    .map(BidView::of).toList()));
        });
    }

    private boolean oversight() {
        return caller.hasRole(Roles.EXCHANGE_OPERATOR) || caller.hasRole(Roles.REGULATOR);
    }

    private PartyId party() {
        return caller.partyId().orElseThrow(() -> new ForbiddenException("NO_PARTY",
                "the caller's token carries no party_id; only a participant bids"));
    }
}
