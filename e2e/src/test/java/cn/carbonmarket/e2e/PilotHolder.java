package cn.carbonmarket.e2e;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.LegalIdentity;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import cn.carbonmarket.testing.KeycloakTokens;
import java.util.Locale;

/**
 * A holder in a pilot's sample export, picked by the suite: its pilot account and legal identity. Migration makes it
 * a party, whose id (random) the registry tells the regulator by the identity.
 */
record PilotHolder(String pilotAccount, LegalIdentity identity) {

    static PilotHolder organisation(String pilotAccount, String creditCode) {
        return new PilotHolder(pilotAccount, UnifiedSocialCreditCode.parse(creditCode));
    }

    static PilotHolder person(String pilotAccount, String residentId) {
        return new PilotHolder(pilotAccount, ResidentIdentityNumber.parse(residentId));
    }

    String partyId() {
        return MarketCalls.partyOf(identity.code());
    }

    String holdingAccount() {
        return AccountId.holdingOf(PartyId.parse(partyId())).value();
    }

    /** A token of a Keycloak user of the suite's acting for this party with {@code role} (made once). */
    String token(String role) {
        return KeycloakTokens.participantToken("e2e-" + pilotAccount.toLowerCase(Locale.ROOT), partyId(), role);
    }
}
