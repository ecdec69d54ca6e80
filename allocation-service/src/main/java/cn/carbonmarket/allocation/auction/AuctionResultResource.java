package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auction-results/{auctionRef}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auction results", description = "A bidder's own outcome of a primary auction")
@SecurityRequirement(name = "SecurityScheme")
public class AuctionResultResource {

    private final AuctionCalendar calendar;
    private final Caller caller;

    public AuctionResultResource(AuctionCalendar calendar, Caller caller) {
        this.calendar = calendar;
        this.caller = caller;
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "The caller's own outcome", description = "From the published result: the clearing price,"
            + " the tonnes the caller's party won and what it pays (none if it won nothing); never another"
            + " bidder's.")
    @APIResponse(responseCode = "404", description = "no such auction (AUCTION_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "no result published yet (RESULT_NOT_PUBLISHED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MyAuctionResult> mine(@PathParam("auctionRef") String auctionRef) {
        return calendar.mine(auctionRef, caller);
    }
}
