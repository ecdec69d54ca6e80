package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.LegalIdentity;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import cn.carbonmarket.platform.problem.RequestValidation;

/**
 * Who is to be admitted, every field checked and turned into value types: from a registration request, or from a
 * pilot's export during migration.
 */
public record PartyRegistration(String name, PartyType type, Region region, LegalIdentity identity) {

    static PartyRegistration from(RegisterPartyRequest request) {
        RequestValidation validation = new RequestValidation();
        PartyType type = validation.field("type", () -> PartyType.parse(request.type()));
        Region region = validation.field("region", () -> Region.parse(request.region()));
        LegalIdentity identity = null;
        if (type != null && type.isOrganisation()) {
            identity = validation.field(UnifiedSocialCreditCode.FIELD,
                    () -> UnifiedSocialCreditCode.parse(request.creditCode()));
            if (request.residentId() != null) {
                validation.reject(ResidentIdentityNumber.FIELD, "only individuals register with a resident id");
            }
        } else if (type == PartyType.INDIVIDUAL) {
            identity = validation.field(ResidentIdentityNumber.FIELD,
                    () -> ResidentIdentityNumber.parse(request.residentId()));
            if (request.creditCode() != null) {
                validation.reject(UnifiedSocialCreditCode.FIELD, "individuals register with a resident id");
            }
        }
        validation.throwIfInvalid();
        return new PartyRegistration(request.name().strip(), type, region, identity);
    }
}
