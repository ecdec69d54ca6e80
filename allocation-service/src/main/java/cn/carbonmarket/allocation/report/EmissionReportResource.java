package cn.carbonmarket.allocation.report;

import cn.carbonmarket.allocation.report.ReportRequests.AdjustmentRequest;
import cn.carbonmarket.allocation.report.ReportRequests.Conclusion;
import cn.carbonmarket.allocation.report.ReportRequests.DraftFigures;
import cn.carbonmarket.allocation.report.ReportRequests.NewReport;
import cn.carbonmarket.allocation.report.ReportRequests.VerifierAssignment;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/emission-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Emission reports", description = "Each entity's emissions of a year per generating unit: drafted,"
        + " submitted, verified and confirmed")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "403", description = "not the caller's report, region or assignment (NOT_YOUR_PARTY,"
        + " NOT_YOUR_REGION, NOT_ASSIGNED), or not the caller's role (ROLE_NOT_ALLOWED)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "no such report (REPORT_NOT_FOUND)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "the step does not follow from the version's status"
        + " (REPORT_<status>)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EmissionReportResource {

    private final EmissionReports reports;
    private final ReportUploads uploads;
    private final Caller caller;

    public EmissionReportResource(EmissionReports reports, ReportUploads uploads, Caller caller) {
        this.reports = reports;
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPLIANCE_ENTITY)
    @Operation(summary = "Draft the caller's report of a year", description = "Version 1, a DRAFT: per registered"
            + " unit of the entity its production, purchased electricity and fuel lines (carbon content MEASURED"
            + " with its lab report and sample, or DEFAULT). The report id is ER-<periodId>-<year>-<partyId>.")
    @APIResponse(responseCode = "201", description = "drafted: the report with its emissions")
    @APIResponse(responseCode = "400", description = "every wrong figure by its path, a unit not the entity's, a"
            + " year outside the period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull NewReport request) {
        return reports.create(request, caller).map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY, Roles.VERIFIER})
    @Operation(summary = "Reports the caller reaches", description = "Each report's latest version: the regulator's"
            + " any, a provincial authority's its region's, a verifier's those assigned to it, an entity's its own.")
    public Uni<List<ReportSummary>> list(@QueryParam("periodId") String periodId, @QueryParam("year") Integer year,
                                         @QueryParam("partyId") String partyId,
                                         @QueryParam("status") ReportStatus status) {
        return reports.list(periodId, year, partyId == null ? null : PartyId.parse(partyId), status, caller);
    }

    @GET
    @Path("/{reportId}")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY, Roles.VERIFIER})
    @Operation(summary = "A report", description = "Its latest version (or `version`), with its emissions per unit and"
            + " fuel, the verifier's adjustments and the report's history; the provincial authority and the"
            + " regulator also see its data-quality flags (as they stand, or as kept at confirmation).")
    public Uni<ReportView> get(@PathParam("reportId") String reportId, @QueryParam("version") Integer version) {
        return reports.get(reportId, version, caller);
    }

    @PUT
    @Path("/{reportId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPLIANCE_ENTITY)
    @Operation(summary = "Change the caller's draft", description = "Its units and figures replaced; DRAFT only.")
    @APIResponse(responseCode = "400", description = "every wrong figure by its path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> edit(@PathParam("reportId") String reportId, @Valid @NotNull DraftFigures figures) {
        return reports.edit(reportId, figures.units(), caller);
    }

    @POST
    @Path("/{reportId}/submission")
    @RolesAllowed(Roles.COMPLIANCE_ENTITY)
    @Operation(summary = "Submit the caller's draft", description = "After 31 March of the following year it is"
            + " accepted and marked late.")
    public Uni<ReportView> submit(@PathParam("reportId") String reportId) {
        return reports.submit(reportId, caller);
    }

    @POST
    @Path("/{reportId}/verifier")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCIAL_AUTHORITY)
    @Operation(summary = "Assign a verifier", description = "By the provincial authority of the entity's region, to a"
            + " SUBMITTED report (or another verifier to an ASSIGNED one).")
    public Uni<ReportView> assign(@PathParam("reportId") String reportId,
                                  @Valid @NotNull VerifierAssignment assignment) {
        return reports.assign(reportId, RequestValidation.uuid("verifierPartyId", assignment.verifierPartyId()),
                caller);
    }

    @POST
    @Path("/{reportId}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VERIFIER)
    @Operation(summary = "Change figures", description = "By the assigned verifier, each figure by its path"
            + " (`units[<unitId>].<field>` or `units[<unitId>].fuels[<line>].<field>`) with a reason; recorded with"
            + " the old and new value. Allowed until confirmation; a change after the conclusion is flagged.")
    @APIResponse(responseCode = "400", description = "an unknown path, a wrong value, or figures that break a rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> adjust(@PathParam("reportId") String reportId,
                                  @Valid @NotNull AdjustmentRequest adjustment) {
        return reports.adjust(reportId, adjustment, caller);
    }

    @POST
    @Path("/{reportId}/conclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VERIFIER)
    @Operation(summary = "Conclude the verification", description = "By the assigned verifier: the report is VERIFIED.")
    public Uni<ReportView> conclude(@PathParam("reportId") String reportId, @Valid @NotNull Conclusion conclusion) {
        return reports.conclude(reportId, conclusion.opinion(), caller);
    }

    @POST
    @Path("/{reportId}/confirmation")
    @RolesAllowed(Roles.PROVINCIAL_AUTHORITY)
    @Operation(summary = "Confirm a verified report", description = "By the provincial authority of the entity's"
            + " region: the version is final, its flags kept; its emissions per unit replace the entity's verified"
            + " emissions of the year, its production is recorded as verified activity data, and VerifiedEmissions"
            + " is published on allocation.verified-emissions.")
    public Uni<ReportView> confirm(@PathParam("reportId") String reportId) {
        return reports.confirm(reportId, caller);
    }

    @POST
    @Path("/{reportId}/corrections")
    @RolesAllowed(Roles.COMPLIANCE_ENTITY)
    @Operation(summary = "Correct a confirmed report", description = "The next version, a DRAFT with the confirmed"
            + " figures, to be submitted, verified and confirmed again.")
    @APIResponse(responseCode = "201", description = "the new version")
    public Uni<Response> correct(@PathParam("reportId") String reportId) {
        return reports.correct(reportId, caller).map(view -> Response.status(201).entity(view).build());
    }

    @POST
    @Path("/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Submit many entities' reports at once", description = "A JSON array of reports (`partyId`,"
            + " `periodId`, `year`, `units` as an entity drafts them), by the regulator or a provincial authority for"
            + " its region's entities: each checked as the entity's own would be, then all recorded and submitted in"
            + " one transaction or, if any is wrong, none (400 UPLOAD_INVALID with each report's `index`, `field` and"
            + " `reason`, the first 1,000; `errorCount` all).")
    @APIResponse(responseCode = "201", description = "every report recorded and submitted")
    @APIResponse(responseCode = "400", description = "reports of the upload (UPLOAD_INVALID, with errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = ReportUploadProblemMapper.ReportUploadProblem.class)))
    public Uni<Response> upload(List<UploadedReport> reportsOfEntities) {
        return uploads.upload(reportsOfEntities, caller).map(recorded -> Response.status(201).entity(recorded).build());
    }
}
