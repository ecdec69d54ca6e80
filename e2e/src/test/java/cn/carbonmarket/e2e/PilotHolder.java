package cn.carbonmarket.e2e;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.LegalIdentity;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KeycloakTokens;
import cn.carbonmarket.year.play.MarketCalls;
import cn.carbonmarket.year.play.Pilot;
import cn.carbonmarket.year.play.PilotMigrations;
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

    /** The pilot migrated, and this holder known to allocation as a covered entity (from the migration's event). */
    void migratedFrom(Pilot pilot) {
        assertThat(PilotMigrations.migrate(pilot).getString("status")).isEqualTo("COMMITTED");
        awaitCovered();
    }

    /** Allocation admits a migrated entity when the registry's PartyRegistered reaches it. */
    void awaitCovered() {
        eventually(() -> get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/covered-entities/" + partyId())
                .extract().statusCode() == 200);
    }

    /** A token of a Keycloak user of the suite's acting for this party with {@code role} (made once). */
    String token(String role) {
        return KeycloakTokens.participantToken("e2e-" + pilotAccount.toLowerCase(Locale.ROOT), partyId(), role);
    }
}
