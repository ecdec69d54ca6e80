package cn.carbonmarket.allocation.issuance;

import cn.carbonmarket.platform.problem.Problem;
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

@Path("/api/v1/allocation-reconciliation/{periodId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issuance")
@SecurityRequirement(name = "SecurityScheme")
public class ReconciliationResource {

    private final Issuance issuance;

    public ReconciliationResource(Issuance issuance) {
        this.issuance = issuance;
    }

    @GET
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "A period's issuance reconciled with its approvals", description = "The net tonnes approved"
            + " runs allocated, the instructions written for them, and what the registry confirmed (issued, returned,"
            + " recorded as debt), pending or refused. balanced: every instruction answered, and issued - returned -"
            + " debt = approved.")
    @APIResponse(responseCode = "404", description = "no such compliance period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Reconciliation> get(@PathParam("periodId") String periodId) {
        return issuance.reconcile(periodId);
    }
}
