package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.InvalidRequestException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "End of day", description = "Clearing runs per trade date and the participants' statements")
@SecurityRequirement(name = "SecurityScheme")
public class ClearingRunResource {

    /** A list shows at most this many runs: a year of trade dates and some. */
    private static final int LIST_LIMIT = 400;

    private final ClearingRuns runs;
    private final Redelivery redelivery;
    private final Statements statements;
    private final Caller caller;

    public ClearingRunResource(ClearingRuns runs, Redelivery redelivery, Statements statements, Caller caller) {
        this.runs = runs;
        this.redelivery = redelivery;
        this.statements = statements;
        this.caller = caller;
    }

    @POST
    @Path("/clearing-runs/{tradeDate}")
    @RolesAllowed(Roles.EXCHANGE_OPERATOR)
    @Operation(summary = "Run end-of-day clearing for a trade date", description = "Closes the date to clearing, nets"
            + " every party's trades per instrument and sends the registry its delivery instructions. Idempotent: a"
            + " date's run is made once; asking again answers 200 with it.")
    @APIResponse(responseCode = "201", description = "made now")
    @APIResponse(responseCode = "200", description = "made before")
    public Uni<Response> run(@PathParam("tradeDate") String tradeDate) {
        LocalDate date = date(tradeDate);
        return runs.run(date, caller.name()).map(outcome -> outcome.replayed() ? Response.ok(outcome.run()).build()
                : Response.created(URI.create("/api/v1/clearing-runs/" + date)).entity(outcome.run()).build());
    }

    @GET
    @Path("/clearing-runs/{tradeDate}")
    @RolesAllowed({Roles.EXCHANGE_OPERATOR, Roles.REGULATOR, Roles.CLEARING_BANK})
    @Operation(summary = "A trade date's clearing run with every net position")
    @APIResponse(responseCode = "404", description = "no run for this date yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ClearingRunView> get(@PathParam("tradeDate") String tradeDate) {
        return runs.get(date(tradeDate));
    }

    @GET
    @Path("/clearing-runs")
    @RolesAllowed({Roles.EXCHANGE_OPERATOR, Roles.REGULATOR, Roles.CLEARING_BANK})
    @Operation(summary = "The latest clearing runs first, with their delivery at the registry",
            description = "deliveryState=REJECTED lists the runs an operator has to resend.")
    public Uni<List<ClearingRunView.Summary>> list(@QueryParam("deliveryState") String deliveryState) {
        return runs.list(deliveryState == null ? null : state(deliveryState), LIST_LIMIT);
    }

    @POST
    @Path("/clearing-runs/{tradeDate}/delivery")
    @RolesAllowed(Roles.EXCHANGE_OPERATOR)
    @Operation(summary = "Send a run's delivery instructions to the registry again",
            description = "Same run id and lines as the first time, so the registry can book the run at most once."
                    + " For a REJECTED run once its cause is dealt with, or for a run whose answer is still awaited"
                    + " after settlement.delivery.resend-after (the registry answers a second refusal of a run id"
                    + " with silence). 409 for a delivered run or one that moves no units.")
    @APIResponse(responseCode = "202", description = "sent again; the registry's answer follows on the run")
    @APIResponse(responseCode = "409", description = "delivered, nothing to deliver, or an answer still awaited",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no run for this date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> resend(@PathParam("tradeDate") String tradeDate) {
        return redelivery.resend(date(tradeDate)).map(run -> Response.accepted(run).build());
    }

    @GET
    @Path("/statements/{partyId}/{tradeDate}")
    @RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.REGULATOR, Roles.EXCHANGE_OPERATOR,
            Roles.CLEARING_BANK})
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_HTML})
    @Operation(summary = "A party's statement of a trade date (JSON; CSV with Accept: text/csv; a printable HTML"
            + " page with Accept: text/html)",
            description = "Its cleared trades with fees and its net positions from the run. A participant sees only"
                    + " its own.")
    public Uni<Response> statement(@PathParam("partyId") String partyId, @PathParam("tradeDate") String tradeDate,
                                   @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        PartyId party = PartyId.parse(partyId);
        caller.requireSelfOr(party, Roles.REGULATOR, Roles.EXCHANGE_OPERATOR, Roles.CLEARING_BANK);
        String type = accept == null ? "" : accept;
        return statements.of(party, date(tradeDate)).map(s -> {
            if (type.contains("text/csv")) {
                return download(StatementCsv.render(s), "text/csv", s, "csv");
            }
            if (type.contains(MediaType.TEXT_HTML)) {
                return download(StatementHtml.render(s), MediaType.TEXT_HTML + ";charset=UTF-8", s, "html");
            }
            return Response.ok(s, MediaType.APPLICATION_JSON).build();
        });
    }

    private static Response download(String body, String type, Statements.Statement s, String extension) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"statement-"
                + s.partyId() + "-" + s.tradeDate() + "." + extension + "\"").build();
    }

    private static DeliveryState state(String text) {
        try {
            return DeliveryState.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("deliveryState", "'" + text
                    + "' is none of " + Arrays.toString(DeliveryState.values()))));
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("tradeDate",
                    "'" + text + "' is not a date like 2026-11-25")));
        }
    }
}
