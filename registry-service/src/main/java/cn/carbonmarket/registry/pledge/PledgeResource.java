package cn.carbonmarket.registry.pledge;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ForbiddenException;
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

/**
 * Pledge registration by a pledgee bank (or the regulator on its behalf) and release by the pledgee. The
 * pledgor's consent is given outside the registry (the pledge contract the bank registers).
 */
@Path("/api/v1/pledges")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLEARING_BANK, Roles.REGULATOR})
@Tag(name = "Pledges", description = "Units pledged to a bank; a pledged unit cannot move until released")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "422", description = "a registry check refused it (e.g. INSUFFICIENT_UNITS)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PledgeResource {

    private final Pledges pledges;
    private final Caller caller;

    public PledgeResource(Pledges pledges, Caller caller) {
        this.pledges = pledges;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a pledge (AVAILABLE to PLEDGED)", description = "A clearing bank registers pledges"
            + " to itself; the regulator names the pledgee. Idempotent by the Idempotency-Key header.")
    public Uni<Response> register(@HeaderParam("Idempotency-Key") @NotBlank @Pattern(regexp = "[\\x21-\\x7e]{1,64}")
                                  String key, @Valid @NotNull PledgeRequest request) {
        RequestValidation validation = new RequestValidation();
        AccountId account = validation.field("account", () -> AccountId.parse(request.account()));
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(request.instrument()));
        boolean bank = !caller.hasRole(Roles.REGULATOR);
        String pledgee = bank ? caller.name() : request.pledgee();
        if (pledgee == null || pledgee.isBlank()) {
            validation.reject("pledgee", "the regulator must name the pledgee");
        }
        validation.throwIfInvalid();
        Initiator initiator = bank ? Initiator.pledgee(pledgee) : Initiator.regulator(caller.name());
        return pledges.register(account, instrument, request.quantity(), pledgee, request.expiresOn(), initiator, key)
                .map(registered -> registered.replayed()
                        ? Response.ok(registered.pledge()).build()
                        : Response.created(URI.create("/api/v1/pledges/" + registered.pledge().id()))
                                .entity(registered.pledge()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One pledge")
    public Uni<Pledges.PledgeView> get(@PathParam("id") UUID id) {
        return pledges.find(id).invoke(pledge -> {
            if (!caller.hasRole(Roles.REGULATOR) && !pledge.pledgee().equals(caller.name())) {
                throw new ForbiddenException("NOT_YOUR_PLEDGE", "a bank sees only the pledges made to it");
            }
        });
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Release a pledge (PLEDGED to AVAILABLE); only its pledgee or the regulator")
    public Uni<Pledges.PledgeView> release(@PathParam("id") UUID id) {
        Initiator initiator = caller.hasRole(Roles.REGULATOR) ? Initiator.regulator(caller.name())
                : Initiator.pledgee(caller.name());
        return pledges.release(id, initiator);
    }
}
