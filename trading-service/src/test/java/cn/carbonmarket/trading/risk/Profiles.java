package cn.carbonmarket.trading.risk;

import static org.awaitility.Awaitility.await;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Gives trading the risk profiles of demo participants, by the registry's {@code PartyRegistered} events. */
public final class Profiles {

    private static final Database DATABASE = new Database("trading");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Profiles() {
    }

    /** Publishes the registration of each user's party trading has no profile of, and waits until it has them all. */
    public static void known(List<DemoUser> users) {
        for (DemoUser user : users) {
            if (!hasProfile(user)) {
                Map<String, Object> registration = user.registration();
                PartyEvents.publish(PartyEvents.registered(user.partyId(), (String) registration.get("name"),
                        (String) registration.get("type"), (String) registration.get("region")));
            }
        }
        await().atMost(PATIENCE).until(() -> users.stream().allMatch(Profiles::hasProfile));
    }

    private static boolean hasProfile(DemoUser user) {
        return DATABASE.count("select count(*) from risk_profile where party_id = ?::uuid", user.partyId()) == 1;
    }
}
