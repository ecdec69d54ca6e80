package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jurisdictions/{jurisdiction}/compliance")
@Produces({MediaType.APPLICATION_JSON, ComplianceCsv.MEDIA_TYPE})
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class JurisdictionComplianceResource {

    private final Compliance compliance;
    private final Caller caller;

    public JurisdictionComplianceResource(Compliance compliance, Caller caller) {
        this.compliance = compliance;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "A jurisdiction's compliance per period (JSON; CSV with Accept: text/csv or ?format=csv)",
            description = "Every period of the jurisdiction, the latest first: entities obligated, compliant, partial,"
                    + " open and in shortfall, tonnes obligated, surrendered and missing, the compliance rates. The"
                    + " regulator any jurisdiction, a provincial authority only the pilot it runs.")
    @APIResponse(responseCode = "400", description = "no such jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "a jurisdiction the caller does not run (NOT_YOUR_JURISDICTION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("jurisdiction") String jurisdiction, @QueryParam("format") String format,
                             @HeaderParam("Accept") String accept) {
        return compliance.jurisdiction(parse(jurisdiction), caller).map(found -> ComplianceCsv.wanted(format, accept)
                ? Response.ok(found.csv(), ComplianceCsv.MEDIA_TYPE).header("Content-Disposition",
                        "attachment; filename=\"compliance-" + found.jurisdiction() + ".csv\"").build()
                : Response.ok(found, MediaType.APPLICATION_JSON).build());
    }

    private static Jurisdiction parse(String raw) {
        try {
            return Jurisdiction.valueOf(raw);
        } catch (IllegalArgumentException unknown) {
            RequestValidation validation = new RequestValidation();
            validation.reject("jurisdiction", "unknown jurisdiction '" + raw + "'");
            validation.throwIfInvalid();
            throw unknown;
        }
    }
}
