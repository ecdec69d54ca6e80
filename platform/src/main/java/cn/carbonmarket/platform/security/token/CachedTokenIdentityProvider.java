package cn.carbonmarket.platform.security.token;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token this process verified before with the identity it was verified as; for any other token it
 * answers nothing, and the OIDC identity provider (which comes after it) verifies the token as usual.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    public CachedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the OIDC provider, which has the default priority (1001). */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        return tokens.find(request.getToken().getToken())
                .map(identity -> Uni.createFrom().item(forThisRequest(identity, request)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /**
     * The cached identity (which is marked as such) with this request's routing context where the OIDC provider puts
     * the request's own.
     */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, TokenAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null) {
            return identity;
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), routing);
        Object blocking = routing.get(AuthenticationRequestContext.class.getName());
        if (blocking != null) {
            builder.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
        }
        return builder.build();
    }
}
