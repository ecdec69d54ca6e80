package cn.carbonmarket.registry.audit;

import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The tamper-evident chain of booked transactions")
@SecurityRequirement(name = "SecurityScheme")
public class AuditResource {

    private final AuditChain chain;

    public AuditResource(AuditChain chain) {
        this.chain = chain;
    }

    @GET
    @Path("/verify")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Re-walk the audit chain", description = "Recomputes every record's hash from the stored"
            + " transaction; brokenAt names the first record that no longer matches (null: all verify). pending counts"
            + " transactions booked but not chained yet (milliseconds behind).")
    public Uni<AuditChain.Verification> verify() {
        return chain.verify();
    }
}
