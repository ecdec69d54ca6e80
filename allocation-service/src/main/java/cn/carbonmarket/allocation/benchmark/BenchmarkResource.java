package cn.carbonmarket.allocation.benchmark;

import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/api/v1/benchmark-packs/{period}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benchmarks", description = "A compliance period's allocation benchmarks and the method applied to a unit")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY, Roles.VERIFIER})
@APIResponse(responseCode = "404", description = "no benchmark pack for this period",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BenchmarkResource {

    private final BenchmarkPacks packs;

    public BenchmarkResource(BenchmarkPacks packs) {
        this.packs = packs;
    }

    @GET
    @Operation(summary = "A period's benchmark pack", description = "Every figure with its source, and whether it"
            + " was confirmed from a reachable copy of that source.")
    public BenchmarkPack get(@PathParam("period") String period) {
        return pack(period);
    }

    @POST
    @Path("/unit-allocations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A unit's free allocation under the period's benchmarks", description = "Computes; stores"
            + " and issues nothing. Electricity part x corrections plus heat part, half up to whole tonnes.")
    @APIResponse(responseCode = "400", description = "a field missing or out of its range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitAllocation compute(@PathParam("period") String period, @Valid @NotNull UnitAllocationRequest request) {
        return FreeAllocation.of(pack(period), request.unit(), request.production());
    }

    private BenchmarkPack pack(String period) {
        return packs.of(period).orElseThrow(() -> new NotFoundException("NO_BENCHMARK_PACK",
                "no benchmark pack for the period " + period));
    }
}
