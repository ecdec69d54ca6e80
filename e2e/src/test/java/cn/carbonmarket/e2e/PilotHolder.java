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
 * the party of its identity ({@link PartyId#forIdentity}), so the suite knows its party and holding account in
 * advance.
 */
record PilotHolder(String pilotAccount, LegalIdentity identity) {

    static PilotHolder organisation(String pilotAccount, String creditCode) {
        return new PilotHolder(pilotAccount, UnifiedSocialCreditCode.parse(creditCode));
    }

    static PilotHolder person(String pilotAccount, String residentId) {
        return new PilotHolder(pilotAccount, ResidentIdentityNumber.parse(residentId));
    }

    String partyId() {
        return PartyId.forIdentity(identity).toString();
    }

    String holdingAccount() {
        return AccountId.holdingOf(PartyId.forIdentity(identity)).value();
    }

    /** A token of a Keycloak user of the suite's acting for this party with {@code role} (made once). */
    String token(String role) {
        return KeycloakTokens.participantToken("e2e-" + pilotAccount.toLowerCase(Locale.ROOT), partyId(), role);
    }
}
