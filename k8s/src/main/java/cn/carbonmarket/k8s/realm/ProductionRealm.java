package cn.carbonmarket.k8s.realm;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm as production imports it, made from the local realm (infra/keycloak/carbon-market-realm.json, which the
 * demo and the tests use) and the production overrides (infra/keycloak/production-overrides.json):
 * <ul>
 *   <li>users are dropped (the demo users' password is their user name), except service-account users, which carry
 *       the roles of service clients (settlement's clearing-house, the integrator's market-data);</li>
 *   <li>every confidential client's secret becomes a placeholder {@code ${KC_CLIENT_SECRET_<CLIENT>}} that the
 *       Keycloak operator fills from the Secret {@value #CLIENT_SECRETS} (key: the client id);</li>
 *   <li>the overrides' realm fields are set, and their client fields on the client of that id.</li>
 * </ul>
 *
 * @param realm        the realm representation to import
 * @param placeholders placeholder variable to the client id whose secret it stands for, sorted
 */
public record ProductionRealm(ObjectNode realm, Map<String, String> placeholders) {

    /** The Secret the operator provides, one key per confidential client (k8s/README.md, Security). */
    public static final String CLIENT_SECRETS = "keycloak-client-secrets";

    public static ProductionRealm from(JsonNode localRealm, JsonNode overrides) {
        ObjectNode realm = localRealm.deepCopy();
        keepServiceAccountsOnly(realm);
        Map<String, String> placeholders = replaceClientSecrets(realm);
        overrides.path("realm").fields().forEachRemaining(field -> realm.set(field.getKey(), field.getValue().deepCopy()));
        overrides.path("clients").fields().forEachRemaining(client ->
                client.getValue().fields().forEachRemaining(field ->
                        client(realm, client.getKey()).set(field.getKey(), field.getValue().deepCopy())));
        return new ProductionRealm(realm, placeholders);
    }

    /** The placeholder a confidential client's secret becomes: KC_CLIENT_SECRET_ and the client id in capitals. */
    public static String placeholder(String clientId) {
        return "KC_CLIENT_SECRET_" + clientId.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static void keepServiceAccountsOnly(ObjectNode realm) {
        Iterator<JsonNode> users = realm.withArray("users").elements();
        while (users.hasNext()) {
            JsonNode user = users.next();
            if (user.hasNonNull("serviceAccountClientId")) {
                ((ObjectNode) user).remove("credentials");
            } else {
                users.remove();
            }
        }
    }

    private static Map<String, String> replaceClientSecrets(ObjectNode realm) {
        Map<String, String> placeholders = new TreeMap<>();
        for (JsonNode client : realm.withArray("clients")) {
            if (client.has("secret") && !client.path("publicClient").asBoolean(false)) {
                String clientId = client.path("clientId").asText();
                String variable = placeholder(clientId);
                ((ObjectNode) client).put("secret", "${" + variable + "}");
                placeholders.put(variable, clientId);
            }
        }
        return placeholders;
    }

    private static ObjectNode client(ObjectNode realm, String clientId) {
        for (JsonNode client : realm.withArray("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return (ObjectNode) client;
            }
        }
        throw new IllegalArgumentException("the production overrides name client " + clientId
                + ", which the realm does not have");
    }
}
