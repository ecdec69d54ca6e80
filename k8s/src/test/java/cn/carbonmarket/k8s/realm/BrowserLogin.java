package cn.carbonmarket.k8s.realm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a realm's browser flow asks of a user who has no session yet, following Keycloak's rules for the parts the
 * production flow uses: REQUIRED steps run in priority order; of ALTERNATIVE steps the first that can apply runs (the
 * session cookie cannot, there is none; nor the identity-provider redirector, the realm has no provider); a
 * CONDITIONAL subflow runs when every condition in it holds ("Condition - user role" with its negate flag).
 */
final class BrowserLogin {

    private static final Set<String> CANNOT_APPLY = Set.of("auth-cookie", "identity-provider-redirector");

    private final JsonNode realm;

    BrowserLogin(JsonNode realm) {
        this.realm = realm;
    }

    /** The authenticators (forms) a user holding these realm roles goes through, in order. */
    List<String> formsFor(Set<String> roles) {
        List<String> forms = new ArrayList<>();
        run(flow(realm.path("browserFlow").asText("browser")), roles, forms);
        return forms;
    }

    private void run(JsonNode flow, Set<String> roles, List<String> forms) {
        boolean alternativeTaken = false;
        for (JsonNode step : steps(flow)) {
            String requirement = step.path("requirement").asText();
            boolean subflow = step.path("authenticatorFlow").asBoolean();
            switch (requirement) {
                case "REQUIRED" -> take(step, subflow, roles, forms);
                case "ALTERNATIVE" -> {
                    if (!alternativeTaken && !CANNOT_APPLY.contains(step.path("authenticator").asText())) {
                        take(step, subflow, roles, forms);
                        alternativeTaken = true;
                    }
                }
                case "CONDITIONAL" -> {
                    JsonNode conditional = flow(step.path("flowAlias").asText());
                    if (holds(conditional, roles)) {
                        run(conditional, roles, forms);
                    }
                }
                case "DISABLED" -> { }
                default -> throw new IllegalArgumentException("requirement " + requirement);
            }
        }
    }

    private void take(JsonNode step, boolean subflow, Set<String> roles, List<String> forms) {
        if (subflow) {
            run(flow(step.path("flowAlias").asText()), roles, forms);
        } else if (!step.path("authenticator").asText().startsWith("conditional-")) {
            forms.add(step.path("authenticator").asText());
        }
    }

    private boolean holds(JsonNode conditionalFlow, Set<String> roles) {
        for (JsonNode step : steps(conditionalFlow)) {
            String authenticator = step.path("authenticator").asText();
            if (authenticator.equals("conditional-user-role")) {
                JsonNode config = config(step.path("authenticatorConfig").asText());
                boolean holdsRole = roles.contains(config.path("condUserRole").asText());
                if (holdsRole == config.path("negate").asBoolean(false)) {
                    return false;
                }
            } else if (authenticator.startsWith("conditional-")) {
                throw new UnsupportedOperationException("condition " + authenticator + " is not modelled here");
            }
        }
        return true;
    }

    private JsonNode flow(String alias) {
        return find(realm.path("authenticationFlows"), "alias", alias, "flow");
    }

    private JsonNode config(String alias) {
        return find(realm.path("authenticatorConfig"), "alias", alias, "authenticator config").path("config");
    }

    private static List<JsonNode> steps(JsonNode flow) {
        return StreamSupport.stream(flow.path("authenticationExecutions").spliterator(), false)
                .sorted(Comparator.comparingInt(step -> step.path("priority").asInt()))
                .toList();
    }

    private static JsonNode find(JsonNode list, String field, String value, String what) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("the realm has no " + what + " \"" + value + "\" of its own (Keycloak's built-in ones"
                + " are not modelled here)");
    }
}
