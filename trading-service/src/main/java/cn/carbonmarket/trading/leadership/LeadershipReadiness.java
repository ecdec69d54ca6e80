package cn.carbonmarket.trading.leadership;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means "takes orders": only the leader is ready, so a Kubernetes Service sends every request to it, and a
 * standby (alive, following the journal) joins the endpoints the moment it has taken over. A standby still answers
 * reads on its own address.
 */
@Readiness
@ApplicationScoped
public class LeadershipReadiness implements HealthCheck {

    private final Leadership leadership;

    public LeadershipReadiness(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("exchange-leadership").status(leadership.accepting())
                .withData("state", leadership.state().name()).withData("epoch", leadership.epoch()).build();
    }
}
