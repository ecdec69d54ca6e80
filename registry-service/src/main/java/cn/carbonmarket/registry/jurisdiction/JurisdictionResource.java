package cn.carbonmarket.registry.jurisdiction;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.csv.CsvOrJson;
import cn.carbonmarket.registry.csv.CsvTable;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A jurisdiction's participants and holdings: the regulator sees any jurisdiction's, a provincial authority only the
 * pilot's it runs.
 */
@Path("/api/v1/jurisdictions/{jurisdiction}")
@Produces({MediaType.APPLICATION_JSON, CsvOrJson.CSV})
@RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
@Tag(name = "Jurisdictions", description = "Each jurisdiction's participants and holdings")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "400", description = "an unknown jurisdiction",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "a provincial authority asking for a jurisdiction it does not run"
        + " (NOT_YOUR_JURISDICTION)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class JurisdictionResource {

    private final JurisdictionViews views;
    private final Caller caller;

    public JurisdictionResource(JurisdictionViews views, Caller caller) {
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Path("/participants")
    @Operation(summary = "The parties holding the jurisdiction's instruments or migrated from its pilot (JSON; CSV"
            + " with ?format=csv)", description = "Counts per party type, and a page of participants (oldest"
            + " registration first) with their region, holding account, tonnes of the jurisdiction's instruments and"
            + " whether its pilot was migrated to them. No identity numbers; a natural person's name masked. The CSV"
            + " has the page's participants.")
    public Uni<Response> participants(@PathParam("jurisdiction") String jurisdiction,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
                                      @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        Jurisdiction asked = visible(jurisdiction);
        return views.participants(asked, page, size).map(participants -> CsvOrJson.answer(participants, format,
                accept, "participants-" + asked, JurisdictionResource::csv));
    }

    @GET
    @Path("/holdings")
    @Operation(summary = "The jurisdiction's instruments and where their units are (JSON; CSV with ?format=csv)",
            description = "Per instrument: the parties' accounts holding it, the tonnes AVAILABLE, IN_TRADING, PLEDGED"
                    + " and FROZEN in parties' accounts, and the tonnes surrendered.")
    public Uni<Response> holdings(@PathParam("jurisdiction") String jurisdiction,
                                  @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        Jurisdiction asked = visible(jurisdiction);
        return views.holdings(asked).map(holdings -> CsvOrJson.answer(holdings, format, accept,
                "holdings-" + asked, JurisdictionResource::csv));
    }

    /** 400 for an unknown jurisdiction, 403 for one the caller does not run. */
    private Jurisdiction visible(String raw) {
        RequestValidation validation = new RequestValidation();
        Jurisdiction jurisdiction = validation.field("jurisdiction", () -> Arrays.stream(Jurisdiction.values())
                .filter(j -> j.name().equals(raw)).findFirst()
                .orElseThrow(() -> new InvalidValueException("jurisdiction", "unknown jurisdiction '" + raw
                        + "'; expected one of " + Arrays.toString(Jurisdiction.values()))));
        validation.throwIfInvalid();
        caller.requireRuns(jurisdiction);
        return jurisdiction;
    }

    private static CsvTable csv(Participants participants) {
        CsvTable csv = new CsvTable("party_id", "name", "type", "region", "holding_account", "tonnes",
                "migrated_from_pilot");
        participants.participants().forEach(p -> csv.row(p.partyId(), p.name(), p.type(), p.region(),
                p.holdingAccount(), p.tonnes(), p.migratedFromPilot()));
        return csv;
    }

    private static CsvTable csv(Holdings holdings) {
        CsvTable csv = new CsvTable("instrument", "holders", "available", "in_trading", "pledged", "frozen",
                "surrendered");
        holdings.instruments().forEach(i -> csv.row(i.instrument(), i.holders(), i.available(), i.inTrading(),
                i.pledged(), i.frozen(), i.surrendered()));
        return csv;
    }
}
