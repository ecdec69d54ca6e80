package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.registry.party.privacy.Disclosures;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The log of each time a natural person's name and resident id were shown in full ({@link PartyResource}). */
@Path("/api/v1/personal-data-disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parties", description = "Market participants and their holding accounts")
@SecurityRequirement(name = "SecurityScheme")
public class DisclosureResource {

    private final Disclosures disclosures;

    public DisclosureResource(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @GET
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
