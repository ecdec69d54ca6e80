package cn.carbonmarket.settlement.reconciliation;

import cn.carbonmarket.platform.problem.InvalidRequestException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reconciliation of settlement's books with the registry's and trading's, for the operator and the regulator. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "Settlement's positions against the registry's and trading's")
@SecurityRequirement(name = "SecurityScheme")
public class ReconciliationResource {

    private final Reconciliations reconciliations;
    private final SecurityIdentity identity;

    public ReconciliationResource(Reconciliations reconciliations, SecurityIdentity identity) {
        this.reconciliations = reconciliations;
        this.identity = identity;
    }

    @POST
    @Path("/reconciliation-runs")
    @RolesAllowed({Roles.EXCHANGE_OPERATOR, Roles.REGULATOR})
    @Operation(summary = "Reconcile now", description = "Compares every party's units and cash with the registry's"
            + " IN_TRADING holdings and trading's risk view and keeps the report. If trading does not answer, the"
            + " report says so (tradingStatus UNAVAILABLE) and still compares the registry. The report names the caller"
            + " (startedBy); the scheduled job's runs name the job.")
    @APIResponse(responseCode = "201", description = "the report, every difference per party and asset")
    public Uni<Response> run() {
        return reconciliations.run(identity.getPrincipal().getName()).map(view -> Response.created(URI.create("/api/v1/reconciliation?date="
                + view.businessDate())).entity(view).build());
    }

    @GET
    @Path("/reconciliation")
    @RolesAllowed({Roles.EXCHANGE_OPERATOR, Roles.REGULATOR})
    @Operation(summary = "The latest reconciliation of a business date")
    @APIResponse(responseCode = "404", description = "none ran that day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReconciliationView> latest(@QueryParam("date") String date) {
        return reconciliations.latest(parse(date));
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(String.valueOf(date));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("date",
                    "'" + date + "' is not a date (YYYY-MM-DD)")));
        }
    }
}
