package cn.carbonmarket.platform.security.token;

import cn.carbonmarket.platform.security.TokenClaims;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers each bearer token's identity as the OIDC provider verified it, before any other augmentor adds to it:
 * a cached identity then goes through the same augmentors as a freshly verified one.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    /** Marks an identity answered from the cache, which is not remembered again. */
    static final String FROM_CACHE = "cn.carbonmarket.verified-token";
    /** What belongs to the request that verified the token, not to the token: it is not kept. */
    private static final Set<String> PER_REQUEST = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    private final VerifiedTokens tokens;

    public VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && !credential.isOpaque() && identity.getAttribute(FROM_CACHE) == null
                && identity.getPrincipal() instanceof JsonWebToken jwt) {
            tokens.remember(credential.getToken(), detached(identity, jwt), jwt.getExpirationTime() > 0
                    ? Optional.of(Instant.ofEpochSecond(jwt.getExpirationTime())) : Optional.empty());
        }
        return Uni.createFrom().item(identity);
    }

    /**
     * The identity without the verifying request's objects, with the claims every request reads. Its permissions are
     * the token's scopes, as the OIDC provider grants them; copying the identity's own permission checker instead
     * would keep the request alive.
     */
    private static SecurityIdentity detached(SecurityIdentity identity, JsonWebToken jwt) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.keySet().removeAll(PER_REQUEST);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .addAttribute(TokenClaims.ATTRIBUTE, TokenClaims.of(jwt));
        Object scope = jwt.getClaim("scope");
        if (scope instanceof String scopes && !scopes.isBlank()) {
            builder.addPermissionsAsString(Arrays.stream(scopes.trim().split(" +")).collect(Collectors.toSet()));
        }
        return builder.build();
    }
}
