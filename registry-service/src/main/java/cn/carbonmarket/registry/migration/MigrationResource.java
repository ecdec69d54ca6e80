package cn.carbonmarket.registry.migration;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/migrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REGULATOR)
@Tag(name = "Migration", description = "Imports of the seven pilot registries' exports into national accounts")
@SecurityRequirement(name = "SecurityScheme")
public class MigrationResource {

    private final PilotImports imports;
    private final Caller caller;

    public MigrationResource(PilotImports imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Import one pilot's registry export",
            description = "Multipart: `pilot` (BJ, TJ, SH, CQ, HB, GD or SZ), the export as one or more `files`, and"
                    + " the pilot's `control` totals (control.json). The job runs in the background and commits"
                    + " everything or nothing; follow it at the Location. The same export again returns its first"
                    + " job (200) and books nothing.")
    @APIResponse(responseCode = "202", description = "accepted: a new job, QUEUED")
    @APIResponse(responseCode = "200", description = "this export was uploaded before: its job")
    @APIResponse(responseCode = "400", description = "a part is missing or is not what it should be",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@RestForm("pilot") String pilot, @RestForm("files") List<FileUpload> files,
                               @RestForm("control") FileUpload control) {
        MigrationUpload upload = MigrationUpload.of(pilot, files, control);
        return imports.submit(upload, caller.name()).map(submission -> submission.created()
                ? Response.accepted(submission.job())
                        .location(URI.create("/api/v1/migrations/" + submission.job().id())).build()
                : Response.ok(submission.job()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import job: its progress, and its report once it is done")
    @APIResponse(responseCode = "404", description = "no such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MigrationJob> get(@PathParam("id") String id) {
        return imports.find(jobId(id));
    }

    @GET
    @Path("/{id}/issues")
    @Operation(summary = "Every record of the job's upload that was set aside, dropped or unreadable, in file order",
            description = "Each with its file, line (spreadsheet row for .xlsx) and reason; set-aside rows also with"
                    + " the pilot account, holder, instrument and tonnes now in the pilot's suspense account.")
    public Uni<List<MigrationIssue>> issues(@PathParam("id") String id,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return imports.issues(jobId(id), page, size);
    }

    private static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "migration job id '" + id + "' is not a UUID");
        }
    }
}
