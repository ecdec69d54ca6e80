package cn.carbonmarket.trading.statistics;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.platform.problem.InvalidRequestException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.Problem.FieldError;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A jurisdiction's market statistics for its overseers: the regulator and the exchange operator any jurisdiction's,
 * a provincial authority only the pilot it runs.
 */
@Path("/api/v1/jurisdictions/{jurisdiction}/market-statistics")
@Tag(name = "Market statistics", description = "Per jurisdiction: trades, volume, turnover and prices per instrument")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.REGULATOR, Roles.EXCHANGE_OPERATOR, Roles.PROVINCIAL_AUTHORITY})
public class MarketStatisticsResource {

    /** A year of trading days and a leap day: enough for any annual report, small enough to answer at once. */
    static final long MAX_DAYS = 366;
    private static final String CSV = "text/csv";

    private final MarketStatistics statistics;
    private final Caller caller;

    public MarketStatisticsResource(MarketStatistics statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "A jurisdiction's market statistics per listed instrument (JSON; CSV with ?format=csv or"
            + " Accept: text/csv)",
            description = "Over the trading days from..to (both included, at most " + MAX_DAYS + " days; without"
                    + " them the jurisdiction's current trading day, without to the current day, without from the"
                    + " day of to): trades, volume (t), turnover (fen) and VWAP of all trades, block trades and"
                    + " auctions included; high and low of the continuous (price-forming) trades; the close of the"
                    + " last day. The regulator and the exchange operator see every jurisdiction, a provincial"
                    + " authority the pilot it runs.")
    @APIResponse(responseCode = "400", description = "a date that is not YYYY-MM-DD, from after to, or more than "
            + MAX_DAYS + " days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "an authority asking for a jurisdiction it does not run"
            + " (NOT_YOUR_JURISDICTION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such jurisdiction (JURISDICTION_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> statistics(@PathParam("jurisdiction") String code, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("format") String format,
                                    @HeaderParam("Accept") String accept) {
        Jurisdiction jurisdiction = jurisdiction(code);
        if (!caller.hasRole(Roles.EXCHANGE_OPERATOR)) {
            caller.requireRuns(jurisdiction);
        }
        LocalDate last = to == null ? statistics.today(jurisdiction) : date("to", to);
        LocalDate first = from == null ? last : date("from", from);
        if (first.isAfter(last)) {
            throw invalid("from", "from " + first + " is after to " + last);
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw invalid("to", "a report spans at most " + MAX_DAYS + " days, not " + first + ".." + last);
        }
        boolean csv = "csv".equals(format) || (accept != null && accept.contains(CSV));
        return statistics.report(jurisdiction, first, last).map(report -> csv
                ? Response.ok(MarketStatisticsCsv.render(report), CSV).header("Content-Disposition",
                        "attachment; filename=\"market-statistics-" + jurisdiction + "-" + first + "-" + last
                                + ".csv\"").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build());
    }

    private static Jurisdiction jurisdiction(String code) {
        return Arrays.stream(Jurisdiction.values()).filter(j -> j.name().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("JURISDICTION_NOT_FOUND", "no jurisdiction '" + code
                        + "'; known: " + Arrays.toString(Jurisdiction.values())));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + text + "' is not a date YYYY-MM-DD");
        }
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }
}
