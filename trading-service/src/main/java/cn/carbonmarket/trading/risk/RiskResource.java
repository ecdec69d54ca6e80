package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.RiskPosition;
import cn.carbonmarket.contracts.risk.WithdrawalHold;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pre-trade risk's view: withdrawal holds for settlement, positions for reconciliation, a party's own balances. */
@Path("/api/v1/risk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk", description = "Balances, reservations and withdrawal holds as pre-trade risk sees them")
@SecurityRequirement(name = "SecurityScheme")
public class RiskResource {

    private final WithdrawalHolds holds;
    private final PreTradeRisk risk;
    private final Caller caller;

    public RiskResource(WithdrawalHolds holds, PreTradeRisk risk, Caller caller) {
        this.holds = holds;
        this.risk = risk;
        this.caller = caller;
    }

    @POST
    @Path("/withdrawal-holds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLEARING_HOUSE)
    @Operation(summary = "Set aside cash (CNY, fen) or units (instrument, tonnes) a party asks to withdraw",
            description = "Granted only from what open orders do not reserve and other holds do not hold (cash: not"
                    + " today's sale proceeds; units: not today's purchases). Released when settlement's ledger event"
                    + " for entryId arrives. The same holdId again answers 200 with the first hold.")
    @APIResponse(responseCode = "201", description = "granted")
    @APIResponse(responseCode = "200", description = "granted before under this holdId")
    @APIResponse(responseCode = "409", description = "not enough is free (INSUFFICIENT_CASH, INSUFFICIENT_UNITS) or"
            + " the holdId names another withdrawal (HOLD_ID_REUSED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> hold(@NotNull WithdrawalHold hold) {
        validate(hold);
        return holds.grant(hold).map(granted -> Response
                .status(granted.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(granted.hold()).build());
    }

    @DELETE
    @Path("/withdrawal-holds/{holdId}")
    @RolesAllowed(Roles.CLEARING_HOUSE)
    @Operation(summary = "Release a hold whose withdrawal will not happen")
    @APIResponse(responseCode = "204", description = "released")
    @APIResponse(responseCode = "404", description = "no such hold",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> release(@PathParam("holdId") String holdId) {
        return holds.release(holdId).map(released -> {
            if (!released) {
                throw new NotFoundException("HOLD_NOT_FOUND", "no withdrawal hold " + holdId);
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/positions")
    @RolesAllowed({Roles.CLEARING_HOUSE, Roles.EXCHANGE_OPERATOR})
    @Operation(summary = "Every party's balance, reservations and holds per asset, for reconciliation")
    public Uni<List<RiskPosition>> positions() {
        return risk.whenReady(() -> Uni.createFrom().item(risk.book().positions()));
    }

    @GET
    @Path("/balances")
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
    @Operation(summary = "The caller's own cash and units: balance, reserved by open orders, held, free")
    public Uni<List<AssetBalance>> balances() {
        PartyId party = caller.partyId().orElseThrow(() -> new ForbiddenException("NO_PARTY",
                "the caller's token carries no party_id"));
        return risk.whenReady(() -> Uni.createFrom().item(risk.balances(party)));
    }

    private static void validate(WithdrawalHold hold) {
        RequestValidation validation = new RequestValidation();
        if (hold.holdId() == null || hold.holdId().isBlank() || hold.holdId().length() > 100) {
            validation.reject("holdId", "a hold id of 1 to 100 characters is required");
        }
        if (hold.entryId() == null || hold.entryId().isBlank() || hold.entryId().length() > 200) {
            validation.reject("entryId", "the ledger entry id that releases the hold is required");
        }
        if (hold.partyId() == null) {
            validation.reject("partyId", "the party is required");
        }
        if (hold.amount() <= 0) {
            validation.reject("amount", "the amount must be positive");
        }
        if (hold.asset() == null) {
            validation.reject("asset", "CNY or an instrument code is required");
        } else if (!RiskBook.CASH.equals(hold.asset())) {
            InstrumentCode instrument = validation.field("asset", () -> InstrumentCode.parse(hold.asset()));
            if (instrument != null && !instrument.toString().equals(hold.asset())) {
                validation.reject("asset", "write the instrument as " + instrument);
            }
        }
        validation.throwIfInvalid();
    }
}
