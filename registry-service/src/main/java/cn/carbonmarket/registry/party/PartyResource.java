package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.LegalIdentity;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.party.privacy.PersonalData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parties", description = "Market participants and their holding accounts")
@SecurityRequirement(name = "SecurityScheme")
public class PartyResource {

    static final String PERSONAL_DATA = "GET /api/v1/parties/{id}/personal-data";
    /** The roles a disclosure is recorded under, the most privileged first. */
    private static final List<String> DISCLOSED_TO = List.of(Roles.REGULATOR, Roles.COMPLIANCE_ENTITY,
            Roles.INVESTOR, Roles.VERIFIER);

    private final PartyService parties;
    private final Caller caller;

    public PartyResource(PartyService parties, Caller caller) {
        this.parties = parties;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Register a party and open its holding account",
            description = "Idempotent by legal identity: the same identity and details return the existing party (200);"
                    + " the same identity with other details is a conflict (409).")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "200", description = "already registered with the same details")
    @APIResponse(responseCode = "400", description = "invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "identity registered with other details",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(@Valid @NotNull RegisterPartyRequest request) {
        PartyRegistration registration = PartyRegistration.from(request);
        return parties.register(registration, caller.name())
                .map(outcome -> outcome.created()
                ? Response.created(URI.create("/api/v1/parties/" + outcome.party().id())).entity(outcome.party()).build()
                : Response.ok(outcome.party()).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY, Roles.COMPLIANCE_ENTITY, Roles.INVESTOR,
            Roles.VERIFIER})
    @Operation(summary = "One party", description = "The regulator sees any party, a provincial authority the"
            + " parties of its region, a participant only itself.")
    @APIResponse(responseCode = "403", description = "a participant asking for another party",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such party (to a provincial authority: none in its region)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PartyView> get(@PathParam("id") String id) {
        PartyId party = PartyId.parse(id);
        caller.requireSelfOr(party, Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY);
        return parties.findFor(caller, party);
    }

    @GET
    @Path("/{id}/personal-data")
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
        String role = DISCLOSED_TO.stream().filter(caller::hasRole).findFirst().orElseThrow();
        return parties.disclose(party, caller.name(), role, PERSONAL_DATA, purpose.strip());
    }

    @GET
    @RolesAllowed({Roles.REGULATOR, Roles.PROVINCIAL_AUTHORITY})
    @Operation(summary = "Parties, a page at a time", description = "A provincial authority always gets its own region."
            + " With identity (a credit code or resident id), the party registered under it, if any: party ids are"
            + " random, this is how the party of a known holder is found.")
    public Uni<List<PartyView>> list(@QueryParam("region") String region, @QueryParam("type") String type,
                                     @QueryParam("identity") String identity,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        RequestValidation validation = new RequestValidation();
        Region regionFilter = region == null ? null : validation.field("region", () -> Region.parse(region));
        PartyType typeFilter = type == null ? null : validation.field("type", () -> PartyType.parse(type));
        LegalIdentity identityFilter = identity == null ? null
                : validation.field("identity", () -> PersonalData.identity(identity));
        validation.throwIfInvalid();
        if (!caller.hasRole(Roles.REGULATOR)) {
            Region own = caller.region().orElseThrow(() -> new ForbiddenException("NO_REGION_CLAIM",
                    "a provincial authority's token must carry its region"));
            if (regionFilter != null && regionFilter != own) {
                throw new ForbiddenException("NOT_YOUR_REGION", "a provincial authority sees only its region's parties");
            }
            regionFilter = own;
        }
        return parties.list(regionFilter, typeFilter, identityFilter, page, size);
    }
}
