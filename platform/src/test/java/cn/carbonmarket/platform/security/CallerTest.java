package cn.carbonmarket.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.ForbiddenException;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.json.Json;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final PartyId ALICE = PartyId.parse("0190f1a2-0000-7000-8000-000000000001");
    private static final PartyId BOB = PartyId.parse("0190f1a2-0000-7000-8000-000000000002");

    @Test
    void theClaimsRememberedWithACachedIdentityAreReadWithoutAskingTheToken() {
        Token token = new Token(Map.of());
        Caller caller = new Caller(identity(token).addAttribute(TokenClaims.ATTRIBUTE,
                new TokenClaims(ALICE.toString(), "HB", null)).build());

        assertThat(caller.partyId()).contains(ALICE);
        assertThat(caller.region()).contains(Region.HB);
        assertThat(token.asked).hasValue(0);
    }

    @Test
    void aFreshlyVerifiedTokenIsAskedOncePerRequest() {
        Token token = new Token(Map.of(Caller.PARTY_CLAIM, Json.createValue(ALICE.toString()),
                Caller.REGION_CLAIM, "GD"));
        Caller caller = new Caller(identity(token).build());

        assertThat(caller.partyId()).contains(ALICE);
        assertThat(caller.partyId()).contains(ALICE);
        assertThat(caller.region()).contains(Region.GD);
        assertThat(token.asked).hasValue(3);
    }

    @Test
    void aPartyMayActForItselfOnlyAndAPrivilegedRoleForAnyone() {
        Caller alice = new Caller(identity(new Token(Map.of(Caller.PARTY_CLAIM, ALICE.toString()))).build());
        Caller regulator = new Caller(identity(new Token(Map.of())).addRole(Roles.REGULATOR).build());

        alice.requireSelfOr(ALICE, Roles.REGULATOR);
        assertThatThrownBy(() -> alice.requireSelfOr(BOB, Roles.REGULATOR)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("own party");
        regulator.requireSelfOr(BOB, Roles.REGULATOR);
        assertThat(regulator.partyId()).isEmpty();
    }

    @Test
    void anAuthorityRunsThePilotOfItsRegionOrTheOneItsTokenNames() {
        Caller hubei = new Caller(identity(new Token(Map.of(Caller.REGION_CLAIM, "HB")))
                .addRole(Roles.PROVINCIAL_AUTHORITY).build());
        Caller shenzhen = new Caller(identity(new Token(Map.of(Caller.REGION_CLAIM, "GD",
                Caller.JURISDICTION_CLAIM, "SZ"))).addRole(Roles.PROVINCIAL_AUTHORITY).build());
        Caller hebei = new Caller(identity(new Token(Map.of(Caller.REGION_CLAIM, "HE")))
                .addRole(Roles.PROVINCIAL_AUTHORITY).build());
        Caller entity = new Caller(identity(new Token(Map.of(Caller.REGION_CLAIM, "HB"))).build());
        Caller regulator = new Caller(identity(new Token(Map.of())).addRole(Roles.REGULATOR).build());

        assertThat(hubei.runs(Jurisdiction.HB)).isTrue();
        assertThat(hubei.runs(Jurisdiction.CN)).isFalse();
        assertThat(shenzhen.runs(Jurisdiction.SZ)).isTrue();
        assertThat(shenzhen.runs(Jurisdiction.GD)).isFalse();
        assertThat(hebei.jurisdiction()).isEmpty();
        assertThat(entity.runs(Jurisdiction.HB)).isFalse();
        assertThat(regulator.runs(Jurisdiction.SZ)).isTrue();
        assertThatThrownBy(() -> hubei.requireRuns(Jurisdiction.SZ)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Shenzhen pilot (SZ)");
    }

    @Test
    void blankClaimsAndAnonymousCallersHaveNoParty() {
        Caller blank = new Caller(identity(new Token(Map.of(Caller.PARTY_CLAIM, " "))).build());
        Caller anonymous = new Caller(QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertThat(blank.partyId()).isEmpty();
        assertThat(anonymous.partyId()).isEmpty();
        assertThat(anonymous.region()).isEmpty();
        assertThatThrownBy(() -> anonymous.requireSelfOr(ALICE)).isInstanceOf(ForbiddenException.class);
    }

    private static QuarkusSecurityIdentity.Builder identity(Token token) {
        return QuarkusSecurityIdentity.builder().setPrincipal(token);
    }

    /** A verified token's principal that counts how often a claim is asked for. */
    private static final class Token implements JsonWebToken {

        private final Map<String, Object> claims;
        private final AtomicInteger asked = new AtomicInteger();

        Token(Map<String, Object> claims) {
            this.claims = claims;
        }

        @Override
        public String getName() {
            return "user";
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            asked.incrementAndGet();
            return (T) claims.get(claimName);
        }
    }
}
