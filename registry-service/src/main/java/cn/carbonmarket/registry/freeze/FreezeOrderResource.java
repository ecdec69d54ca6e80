package cn.carbonmarket.registry.freeze;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.transaction.Initiator;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Freeze orders on a stated quantity of units (FREEZE / UNFREEZE transactions), entered by the regulator. */
@Path("/api/v1/freeze-orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REGULATOR)
@Tag(name = "Freezes", description = "Judicial and administrative freezes of units and of whole accounts")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "422", description = "a registry check refused it (e.g. INSUFFICIENT_UNITS)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FreezeOrderResource {

    private final FreezeOrders orders;
    private final Caller caller;

    public FreezeOrderResource(FreezeOrders orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Freeze a quantity of a holder's AVAILABLE units",
            description = "Idempotent by the Idempotency-Key header.")
    @APIResponse(responseCode = "201", description = "frozen")
    @APIResponse(responseCode = "200", description = "the same order was entered before under this key")
    public Uni<Response> order(@HeaderParam("Idempotency-Key") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}")
                               String key, @Valid @NotNull FreezeOrderRequest request) {
        RequestValidation validation = new RequestValidation();
        AccountId account = validation.field("account", () -> AccountId.parse(request.account()));
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(request.instrument()));
        validation.throwIfInvalid();
        return orders.order(account, instrument, request.quantity(), request.reason(), request.authority(),
                        Initiator.regulator(caller.name()), key)
                .map(ordered -> ordered.replayed()
                        ? Response.ok(ordered.order()).build()
                        : Response.created(URI.create("/api/v1/freeze-orders/" + ordered.order().id()))
                                .entity(ordered.order()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One freeze order")
    public Uni<FreezeOrders.FreezeOrderView> get(@PathParam("id") UUID id) {
        return orders.find(id);
    }

    @POST
    @Path("/{id}/lift")
    @Operation(summary = "Lift a freeze order (FROZEN back to AVAILABLE)")
    public Uni<FreezeOrders.FreezeOrderView> lift(@PathParam("id") UUID id) {
        return orders.lift(id, Initiator.regulator(caller.name()));
    }
}
