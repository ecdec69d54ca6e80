package cn.carbonmarket.testing;

import java.util.Map;

/**
 * The demo realm's users (password = user name). A participant's party id is what its Keycloak user says (read once
 * per run): party ids are random, so a test that registers the user's identity with a registry points the user at
 * the id it got ({@link #actFor}), and a test that never talks to the registry takes the user's as it is.
 */
public enum DemoUser {
    REGULATOR("regulator", null),
    PROVINCE_HB("province-hb", null),
    /** Shenzhen's authority: region GD, running the Shenzhen pilot (its jurisdiction claim). */
    AUTHORITY_SZ("authority-sz", null),
    ENTITY_1("entity-1", Map.of("name", "Wuhan Thermal Power Co., Ltd.",
            "type", "COMPLIANCE_ENTITY", "region", "HB", "creditCode", "91420100714680123L")),
    ENTITY_2("entity-2", Map.of("name", "Shenzhen Cement Co., Ltd.",
            "type", "COMPLIANCE_ENTITY", "region", "GD", "creditCode", "91440300192238456D")),
    INVESTOR_1("investor-1", Map.of("name",
            "Pudong Carbon Fund Management Co., Ltd.", "type", "INSTITUTION", "region", "SH",
            "creditCode", "91310000MA1FL0789J")),
    INDIVIDUAL_1("individual-1", Map.of("name", "Li Wei",
            "type", "INDIVIDUAL", "region", "BJ", "residentId", "110105198001011238")),
    VERIFIER_1("verifier-1", Map.of("name",
            "China Quality Certification Centre", "type", "INSTITUTION", "region", "BJ",
            "creditCode", "12100000400012345P")),
    OPERATOR("operator", null),
    BANK("bank", null);

    private final String username;
    private final Map<String, Object> registration;

    DemoUser(String username, Map<String, Object> registration) {
        this.username = username;
        this.registration = registration;
    }

    /** The registration body of the party this user acts for, as in infra/demo/parties.txt. */
    public Map<String, Object> registration() {
        if (registration == null) {
            throw new IllegalStateException(username + " acts for no party");
        }
        return registration;
    }

    public String username() {
        return username;
    }

    /** The party_id claim, for participants: the Keycloak user's attribute. */
    public String partyId() {
        registration();
        return KeycloakTokens.partyId(this);
    }

    /**
     * Points the user at the party a registry assigned to its identity (the registration's answer): from now on its
     * tokens carry it, in this run and in later ones until a test or the demo seed points it elsewhere.
     */
    public void actFor(String partyId) {
        registration();
        KeycloakTokens.actFor(this, partyId);
    }
}
