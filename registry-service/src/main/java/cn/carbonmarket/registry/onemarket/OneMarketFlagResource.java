package cn.carbonmarket.registry.onemarket;

import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.csv.CsvOrJson;
import cn.carbonmarket.registry.csv.CsvTable;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The regulator's list of migrated pilot holders that the national market covers (Order No. 775). */
@Path("/api/v1/one-market-flags")
@Tag(name = "One market", description = "Migrated pilot holders that are national key emitters")
@SecurityRequirement(name = "SecurityScheme")
public class OneMarketFlagResource {

    private final OneMarketFlags flags;

    public OneMarketFlagResource(OneMarketFlags flags) {
        this.flags = flags;
    }

    @GET
    @RolesAllowed(Roles.REGULATOR)
    @Produces({MediaType.APPLICATION_JSON, CsvOrJson.CSV})
    @Operation(summary = "Migrated pilot holders with a national obligation (JSON; CSV with ?format=csv)",
            description = "One flag per party and pilot, raised when the pilot's migration committed for a party the"
                    + " national market already covered, or when a national obligation arrived for a party migrated"
                    + " before; it names the national period and sector. Oldest first.")
    public Uni<Response> list(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return flags.all().map(all -> CsvOrJson.answer(all, format, accept, "one-market-flags",
                OneMarketFlagResource::csv));
    }

    private static CsvTable csv(List<Flag> flags) {
        CsvTable csv = new CsvTable("party_id", "name", "type", "region", "pilot", "national_period_id", "sector",
                "raised_on", "raised_at");
        flags.forEach(f -> csv.row(f.partyId(), f.name(), f.type(), f.region(), f.pilot(), f.nationalPeriodId(),
                f.sector(), f.raisedOn(), f.raisedAt()));
        return csv;
    }
}
