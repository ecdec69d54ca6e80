package cn.carbonmarket.settlement.revenue;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.platform.problem.InvalidRequestException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The national auction revenue account, for the regulator and those who read every party's balances. */
@Path("/api/v1/auction-revenue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auction revenue", description = "What primary auctions' winners paid the auctioneer")
@SecurityRequirement(name = "SecurityScheme")
public class AuctionRevenueResource {

    private final AuctionRevenue revenue;

    public AuctionRevenueResource(AuctionRevenue revenue) {
        this.revenue = revenue;
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.CLEARING_BANK, Roles.EXCHANGE_OPERATOR})
    @Operation(summary = "A jurisdiction's auction revenue", description = "Its auctioneer's cash balance (the"
            + " revenue account), the proceeds and fees of every auction trade it sold, per trade date, and the latest"
            + " trades one by one.")
    @APIResponse(responseCode = "404", description = "CASH_ACCOUNT_NOT_FOUND: the registry has not registered the"
            + " jurisdiction's auctioneer", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<AuctionRevenueView> get(@QueryParam("jurisdiction") String jurisdiction) {
        return revenue.of(parse(jurisdiction));
    }

    private static Jurisdiction parse(String jurisdiction) {
        return Arrays.stream(Jurisdiction.values()).filter(j -> j.name().equals(jurisdiction)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(List.of(new Problem.FieldError("jurisdiction",
                        "'" + jurisdiction + "' is not one of " + Arrays.toString(Jurisdiction.values())))));
    }
}
