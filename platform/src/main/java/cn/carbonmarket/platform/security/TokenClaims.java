package cn.carbonmarket.platform.security;

import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The claims {@link Caller} reads, taken from a verified token once and kept with its cached identity: the JWT
 * principal's {@code getClaim} throws and catches an exception for every name outside the standard claims, a few
 * percent of a service's CPU when every request asked again.
 *
 * @param partyId the {@code party_id} claim, or null
 * @param region the {@code region} claim, or null
 * @param jurisdiction the {@code jurisdiction} claim (the pilot an authority runs where it is not its region), or null
 */
public record TokenClaims(String partyId, String region, String jurisdiction) {

    /** The identity attribute that holds them. */
    public static final String ATTRIBUTE = TokenClaims.class.getName();
    static final TokenClaims NONE = new TokenClaims(null, null, null);

    public static TokenClaims of(JsonWebToken token) {
        return new TokenClaims(text(token.getClaim(Caller.PARTY_CLAIM)), text(token.getClaim(Caller.REGION_CLAIM)),
                text(token.getClaim(Caller.JURISDICTION_CLAIM)));
    }

    private static String text(Object value) {
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text;
    }
}
