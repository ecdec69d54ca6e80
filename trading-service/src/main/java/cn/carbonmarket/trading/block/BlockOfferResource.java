package cn.carbonmarket.trading.block;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.contracts.trade.Side;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Block agreement offers: participants post, accept and withdraw their own; the operator and regulator read all. */
@Path("/api/v1/block-offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Block trades", description = "Block agreement offers, acceptance and withdrawal")
@SecurityRequirement(name = "SecurityScheme")
public class BlockOfferResource {

    private static final String PARTICIPANTS_AND_OVERSIGHT = "participants see offers they posted, offers addressed"
            + " to them or accepted by them, and open offers addressed to all; the operator and regulator see all";

    private final BlockDesk desk;
    private final Caller caller;
    private final Clock clock;

    public BlockOfferResource(BlockDesk desk, Caller caller, Clock clock) {
        this.desk = desk;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "Post a block offer, open until the end of the block session",
            description = "At least the block threshold, priced within the block band around the previous close,"
                    + " during the block session; addressed to one counterparty or, without addressee, to all.")
    @APIResponse(responseCode = "201", description = "posted")
    @APIResponse(responseCode = "422", description = "a block rule refuses it: BELOW_BLOCK_THRESHOLD,"
            + " OUTSIDE_BLOCK_BAND, OUTSIDE_SESSION, INSTRUMENT_HALTED, ADDRESSED_TO_SELF",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> post(@Valid @NotNull BlockOfferEntry entry) {
        PartyId poster = party();
        RequestValidation validation = new RequestValidation();
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(entry.instrument()));
        PartyId addressee = entry.addressee() == null ? null
                : validation.field("addressee", () -> PartyId.parse(entry.addressee()));
        validation.throwIfInvalid();
        return desk.post(poster, instrument, Side.valueOf(entry.side().name()), entry.quantity(), entry.priceFen(),
                addressee).map(offer -> Response.status(Response.Status.CREATED)
                .entity(BlockOfferView.of(offer, clock.instant())).build());
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR})
    @Operation(summary = "Block offers the caller may see, oldest first", description = PARTICIPANTS_AND_OVERSIGHT)
    public Uni<List<BlockOfferView>> list() {
        Instant now = clock.instant();
        return (oversight() ? desk.all() : desk.visibleTo(party()))
                .map(offers -> offers.stream().map(offer -> BlockOfferView.of(offer, now)).toList());
    }

    @GET
    @Path("/{offerId}")
    @WithSession
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR})
    @Operation(summary = "One block offer the caller may see", description = PARTICIPANTS_AND_OVERSIGHT)
    @APIResponse(responseCode = "404", description = "no such offer, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BlockOfferView> one(@PathParam("offerId") long offerId) {
        Instant now = clock.instant();
        boolean oversight = oversight();
        PartyId party = oversight ? null : party();
        return desk.one(offerId).invoke(offer -> {
            if (!oversight && !offer.visibleTo(party, now)) {
                throw BlockDesk.notFound(offerId);
            }
        }).map(offer -> BlockOfferView.of(offer, now));
    }

    @POST
    @Path("/{offerId}/acceptance")
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "Accept a block offer: the trade prints at the offer's price and quantity",
            description = "By the addressee, or by anyone but the poster when the offer is open to all; of racing"
                    + " acceptances exactly one wins.")
    @APIResponse(responseCode = "403", description = "NOT_ADDRESSEE: addressed to another party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "OFFER_NOT_OPEN: accepted, withdrawn or expired already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "OWN_OFFER, OUTSIDE_SESSION, INSTRUMENT_HALTED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BlockOfferView> accept(@PathParam("offerId") long offerId) {
        return desk.accept(party(), offerId).map(offer -> BlockOfferView.of(offer, clock.instant()));
    }

    @POST
    @Path("/{offerId}/withdrawal")
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "Withdraw an own open block offer")
    @APIResponse(responseCode = "403", description = "NOT_POSTER: another party's offer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "OFFER_NOT_OPEN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BlockOfferView> withdraw(@PathParam("offerId") long offerId) {
        return desk.withdraw(party(), offerId).map(offer -> BlockOfferView.of(offer, clock.instant()));
    }

    private boolean oversight() {
        return caller.hasRole(Roles.EXCHANGE_OPERATOR) || caller.hasRole(Roles.REGULATOR);
    }

    private PartyId party() {
        return caller.partyId().orElseThrow(() -> new ForbiddenException("NO_PARTY",
                "the caller's token carries no party_id; only a participant trades blocks"));
    }
}
