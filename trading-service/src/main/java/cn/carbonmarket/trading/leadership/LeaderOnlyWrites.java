package cn.carbonmarket.trading.leadership;

import cn.carbonmarket.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Only the leader changes the exchange: every other instance answers a write (any method but GET, HEAD and
 * OPTIONS) with 503 {@code NOT_LEADER} and a {@code Retry-After}, and so does a read of the risk view, which a
 * standby loads only when it takes over. Market data, own orders and fills, block offers and auctions are read from
 * a standby's warm books and the shared database. Commands already past this filter are checked again on their
 * instrument's desk, where they are applied.
 */
public class LeaderOnlyWrites {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String RISK_VIEW = "/api/v1/risk/";

    private final Leadership leadership;

    public LeaderOnlyWrites(Leadership leadership) {
        this.leadership = leadership;
    }

    @ServerRequestFilter
    public void onlyTheLeaderWrites(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean write = !READS.contains(request.getMethod());
        if (path.startsWith("/api/") && (write || path.startsWith(RISK_VIEW))) {
            leadership.requireAccepting();
        }
    }

    /** A refusal for want of leadership says when to try again, wherever it was raised. */
    @ServerResponseFilter
    public void retryAfter(ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && "NOT_LEADER".equals(problem.code())) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(leadership.retryAfterSeconds()));
        }
    }
}
