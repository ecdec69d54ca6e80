package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.party.privacy.Disclosures;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The one place a natural person's name and resident id are shown in full (every other view masks them), and the
 * log of each time they were.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data", description = "Parties' names and identities in full, each read recorded (PIPL)")
@SecurityRequirement(name = "SecurityScheme")
public class PersonalDataResource {

    static final String ROUTE = "GET /api/v1/parties/{id}/personal-data";
    /** The roles a disclosure is recorded under, the most privileged first. */
    private static final List<String> ROLES = List.of(Roles.REGULATOR, Roles.COMPLIANCE_ENTITY, Roles.INVESTOR,
            Roles.VERIFIER);

    private final PartyService parties;
    private final Disclosures disclosures;
    private final Caller caller;

    public PersonalDataResource(PartyService parties, Disclosures disclosures, Caller caller) {
        this.parties = parties;
        this.disclosures = disclosures;
        this.caller = caller;
    }

    @GET
    @Path("/parties/{id}/personal-data")
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.VERIFIER})
    @Operation(summary = "A party's name and legal identity in full", description = "The regulator for any party, a"
            + " participant for itself (its right of access, PIPL art. 45). A natural person's are unsealed and the"
            + " read is recorded with the caller, its role and the purpose given; an organisation's are public.")
    @APIResponse(responseCode = "403", description = "a participant asking for another party, or another role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PersonalDataView> read(@PathParam("id") String id,
                                      @QueryParam("purpose") @NotBlank @Size(max = 200) String purpose) {
        PartyId party = PartyId.parse(id);
        caller.requireSelfOr(party, Roles.REGULATOR);
        String role = ROLES.stream().filter(caller::hasRole).findFirst().orElseThrow();
        return parties.disclose(party, caller.name(), role, ROUTE, purpose.strip());
    }

    @GET
    @Path("/personal-data-disclosures")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "The log of reads of personal data in full", description = "Newest first, of one party"
            + " where partyId is given.")
    public Uni<List<Disclosures.Disclosure>> disclosures(@QueryParam("partyId") String partyId,
                                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500)
                                                         int size) {
        RequestValidation validation = new RequestValidation();
        PartyId party = partyId == null ? null : validation.field("partyId", () -> PartyId.parse(partyId));
        validation.throwIfInvalid();
        return disclosures.page(party, page, size);
    }
}
