package cn.carbonmarket.registry.transfer;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.selllimit.SellLimits;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The movements a participant orders on its own units. Each needs an Idempotency-Key header: repeating a request
 * with the same key returns the first booking (200), reusing the key for another request is a conflict (409).
 */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR})
@Tag(name = "Movements", description = "Transfers, moves into trading and voluntary cancellation of own units")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "201", description = "booked")
@APIResponse(responseCode = "200", description = "the same request was booked before under this key")
@APIResponse(responseCode = "403", description = "not the caller's account",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "the key was used for another request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "a registry check refused it; code names the check",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PartyMovementResource {

    private final Booking booking;
    private final SellLimits sellLimits;
    private final Caller caller;

    public PartyMovementResource(Booking booking, SellLimits sellLimits, Caller caller) {
        this.booking = booking;
        this.sellLimits = sellLimits;
        this.caller = caller;
    }

    @POST
    @Path("/transfers")
    @Operation(summary = "Transfer units to another party's holding account (AVAILABLE to AVAILABLE)")
    public Uni<Response> transfer(@HeaderParam("Idempotency-Key") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}")
                                  String key, @Valid @NotNull TransferRequest request) {
        RequestValidation validation = new RequestValidation();
        AccountId from = validation.field("fromAccount", () -> AccountId.parse(request.fromAccount()));
        AccountId to = validation.field("toAccount", () -> AccountId.parse(request.toAccount()));
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(request.instrument()));
        validation.throwIfInvalid();
        PartyId party = ownAccount(from);
        return book(Movement.between(TransactionType.TRANSFER, instrument, request.quantity(),
                from.value(), HoldingStatus.AVAILABLE, to.value(), HoldingStatus.AVAILABLE), party, key);
    }

    @POST
    @Path("/trading-moves")
    @Operation(summary = "Move own units into trading (AVAILABLE to IN_TRADING)",
            description = "Trading and settlement learn of it from the TransactionBooked event. Where the instrument's"
                    + " jurisdiction limits selling free allocation (Chongqing: half of it is kept), a move that would"
                    + " leave less than that share available or surrendered is refused with SELL_LIMIT, naming the"
                    + " most that may move now.")
    public Uni<Response> intoTrading(@HeaderParam("Idempotency-Key") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}")
                                     String key, @Valid @NotNull HoldingMoveRequest request) {
        OwnUnits own = OwnUnits.of(request, this::ownAccount);
        return answer(sellLimits.intoTrading(own.party(), own.account().value(), own.instrument(),
                request.quantity(), Initiator.party(own.party(), caller.name()), key));
    }

    @POST
    @Path("/cancellations")
    @Operation(summary = "Cancel own units voluntarily (they go to the voluntary cancellation account for good)")
    public Uni<Response> cancel(@HeaderParam("Idempotency-Key") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}")
                                String key, @Valid @NotNull HoldingMoveRequest request) {
        OwnUnits own = OwnUnits.of(request, this::ownAccount);
        return book(Movement.between(TransactionType.VOLUNTARY_CANCELLATION, own.instrument(), request.quantity(),
                own.account().value(), HoldingStatus.AVAILABLE, SystemAccounts.voluntaryCancellation(),
                HoldingStatus.AVAILABLE), own.party(), key);
    }

    /** The caller's own account and the instrument a request names, or 400/403 as for every movement of its own. */
    private record OwnUnits(PartyId party, AccountId account, InstrumentCode instrument) {

        static OwnUnits of(HoldingMoveRequest request, Function<AccountId, PartyId> owner) {
            RequestValidation validation = new RequestValidation();
            AccountId account = validation.field("account", () -> AccountId.parse(request.account()));
            InstrumentCode instrument = validation.field("instrument",
                    () -> InstrumentCode.parse(request.instrument()));
            validation.throwIfInvalid();
            return new OwnUnits(owner.apply(account), account, instrument);
        }
    }

    private PartyId ownAccount(AccountId account) {
        PartyId party = caller.partyId().orElseThrow(() -> new ForbiddenException("NO_PARTY_CLAIM",
                "the caller's token carries no party_id"));
        if (!AccountId.holdingOf(party).equals(account)) {
            throw new ForbiddenException("NOT_YOUR_ACCOUNT", "the caller may only move units out of its own"
                    + " holding account " + AccountId.holdingOf(party));
        }
        return party;
    }

    private Uni<Response> book(Movement movement, PartyId party, String key) {
        return answer(booking.book(movement, Initiator.party(party, caller.name()), key));
    }

    private static Uni<Response> answer(Uni<Booking.Outcome> booked) {
        return booked.map(outcome -> outcome.replayed() ? Response.ok(outcome.transaction()).build()
                : Response.created(URI.create("/api/v1/transactions/" + outcome.transaction().id()))
                        .entity(outcome.transaction()).build());
    }
}
