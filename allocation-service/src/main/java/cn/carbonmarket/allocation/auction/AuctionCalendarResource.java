package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auction-calendar/{periodId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auction calendar", description = "A period's primary auctions: schedule, prepare, withdraw, results")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.REGULATOR)
@APIResponse(responseCode = "404", description = "no such period (PERIOD_NOT_FOUND) or auction (AUCTION_NOT_FOUND)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuctionCalendarResource {

    private final AuctionCalendar calendar;
    private final AuctionPreparation preparation;
    private final Caller caller;

    public AuctionCalendarResource(AuctionCalendar calendar, AuctionPreparation preparation, Caller caller) {
        this.calendar = calendar;
        this.preparation = preparation;
        this.caller = caller;
    }

    @POST
    @Path("/auctions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule an auction", description = "Volume in lots of the period's pack, a bid window in"
            + " the future; the bidder cap share and the eligible party types default to the pack. The auction is"
            + " numbered <periodId>-A<nn> and takes the lots of cancelled auctions waiting for one. With an"
            + " Idempotency-Key, the same key and terms again answer the auction (200), other terms are 409.")
    @APIResponse(responseCode = "201", description = "scheduled now")
    @APIResponse(responseCode = "200", description = "scheduled before under this Idempotency-Key")
    @APIResponse(responseCode = "400", description = "a field missing or wrong, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the period is closed (PERIOD_CLOSED), its pack has no auction"
            + " rules (NO_AUCTION_RULES), or the key was used with other terms (IDEMPOTENCY_KEY_REUSED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "more lots than the pack allows (AUCTION_TOO_LARGE) or a bid"
            + " window outside the exchange's bounds (BID_WINDOW_OUT_OF_BOUNDS)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> schedule(@PathParam("periodId") String periodId,
                                  @HeaderParam("Idempotency-Key") @Pattern(regexp = "[\\x21-\\x7e]{1,64}")
                                  String idempotencyKey, @Valid @NotNull AuctionRequest request) {
        return calendar.schedule(periodId, request, idempotencyKey, caller).map(scheduled -> Response
                .status(scheduled.created() ? 201 : 200).entity(scheduled.auction()).build());
    }

    @GET
    @Operation(summary = "The period's auction calendar", description = "Every auction in window order with its"
            + " status, the lots carried into and out of it, its preparation (reserve price and its evidence, the"
            + " stability reserve's release and withholding), the registry's answer and its result; the revenue of"
            + " the period (clearing price x sold, summed) and the carried-over lots still waiting.")
    public Uni<CalendarView> calendar(@PathParam("periodId") String periodId) {
        return calendar.calendar(periodId);
    }

    @GET
    @Path("/auctions/{auctionRef}")
    @Operation(summary = "One auction with its result")
    public Uni<AuctionView> auction(@PathParam("periodId") String periodId,
                                    @PathParam("auctionRef") String auctionRef) {
        return calendar.get(periodId, auctionRef);
    }

    @POST
    @Path("/auctions/{auctionRef}/prepare")
    @Operation(summary = "Prepare an auction now", description = "Fixes its volume, reserve price, cost containment"
            + " release and floor withholding and sends AuctionSupply to the registry (otherwise done automatically"
            + " the pack's lead time before the window opens). A prepared auction is answered as it is; one whose"
            + " supply the registry refused is prepared again.")
    @APIResponse(responseCode = "409", description = "withdrawn (AUCTION_WITHDRAWN) or its window has closed"
            + " (AUCTION_WINDOW_PASSED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuctionView> prepare(@PathParam("periodId") String periodId,
                                    @PathParam("auctionRef") String auctionRef) {
        return preparation.prepare(periodId, auctionRef, caller.name());
    }

    @DELETE
    @Path("/auctions/{auctionRef}")
    @Operation(summary = "Withdraw a scheduled auction", description = "Only before its preparation; lots carried"
            + " into it move on to the next scheduled auctions. Withdrawing it again changes nothing.")
    @APIResponse(responseCode = "409", description = "already prepared (AUCTION_PREPARED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuctionView> withdraw(@PathParam("periodId") String periodId,
                                     @PathParam("auctionRef") String auctionRef) {
        return calendar.withdraw(periodId, auctionRef);
    }
}
