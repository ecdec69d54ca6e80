package cn.carbonmarket.platform.security;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: their roles and the {@code party_id} / {@code region} claims Keycloak maps into their token.
 * The one place that decides whether a participant may touch a given party.
 */
@RequestScoped
public class Caller {

    public static final String PARTY_CLAIM = "party_id";
    public static final String REGION_CLAIM = "region";
    public static final String JURISDICTION_CLAIM = "jurisdiction";

    private final SecurityIdentity identity;
    private TokenClaims claims;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<PartyId> partyId() {
        return Optional.ofNullable(claims().partyId()).map(PartyId::parse);
    }

    public Optional<Region> region() {
        return Optional.ofNullable(claims().region()).map(Region::parse);
    }

    /**
     * The pilot a provincial authority runs: its {@code jurisdiction} claim (Shenzhen's authority is in region GD but
     * runs SZ), else the pilot of the same code as its region; empty for other callers and non-pilot regions.
     */
    public Optional<Jurisdiction> jurisdiction() {
        if (!identity.hasRole(Roles.PROVINCIAL_AUTHORITY)) {
            return Optional.empty();
        }
        String claimed = claims().jurisdiction() != null ? claims().jurisdiction() : claims().region();
        return Arrays.stream(Jurisdiction.values()).filter(j -> j != Jurisdiction.CN && j.name().equals(claimed))
                .findFirst();
    }

    /** Whether the caller runs {@code jurisdiction}'s market and compliance: the regulator any, an authority its pilot. */
    public boolean runs(Jurisdiction jurisdiction) {
        return identity.hasRole(Roles.REGULATOR) || jurisdiction().filter(j -> j == jurisdiction).isPresent();
    }

    /** 403 NOT_YOUR_JURISDICTION unless {@link #runs} the jurisdiction. */
    public void requireRuns(Jurisdiction jurisdiction) {
        if (!runs(jurisdiction)) {
            throw new ForbiddenException("NOT_YOUR_JURISDICTION", "the caller does not run the "
                    + jurisdiction.displayName() + " (" + jurisdiction + ")");
        }
    }

    /**
     * Lets through a caller holding one of {@code privilegedRoles}, or the party itself; anyone else gets 403.
     * Participants must not learn whether another party exists, so the check comes before any lookup.
     */
    public void requireSelfOr(PartyId party, String... privilegedRoles) {
        if (Arrays.stream(privilegedRoles).anyMatch(identity::hasRole)) {
            return;
        }
        if (partyId().filter(party::equals).isEmpty()) {
            throw new ForbiddenException("NOT_YOUR_PARTY", "the caller may only see and act for its own party");
        }
    }

    /**
     * For a record of {@code party} in {@code region}, once {@link #requireSelfOr} let a provincial authority
     * through: the regulator and the party itself pass, an authority only for its own region.
     */
    public void requireRegionOf(PartyId party, Region region, String message) {
        if (!seesRegionOf(party, region)) {
            throw new ForbiddenException("NOT_YOUR_REGION", message);
        }
    }

    /** Whether the caller sees a record of {@code party} in {@code region}: the regulator, the party, its region's authority. */
    public boolean seesRegionOf(PartyId party, Region region) {
        return identity.hasRole(Roles.REGULATOR) || partyId().filter(party::equals).isPresent()
                || region().filter(r -> r == region).isPresent();
    }

    /** Those remembered with a verified token's cached identity, else read from the token (once per request). */
    private TokenClaims claims() {
        if (claims == null) {
            TokenClaims remembered = identity.getAttribute(TokenClaims.ATTRIBUTE);
            claims = remembered != null ? remembered
                    : identity.getPrincipal() instanceof JsonWebToken token ? TokenClaims.of(token) : TokenClaims.NONE;
        }
        return claims;
    }
}
