package cn.carbonmarket.testing;

import java.util.Map;

/** The demo realm's users (password = user name) and the party ids their tokens carry. */
public enum DemoUser {
    REGULATOR("regulator", null, null),
    PROVINCE_HB("province-hb", null, null),
    /** Shenzhen's authority: region GD, running the Shenzhen pilot (its jurisdiction claim). */
    AUTHORITY_SZ("authority-sz", null, null),
    ENTITY_1("entity-1", "83dabb3c-a463-3f3e-b9fd-002e55c704cf", Map.of("name", "Wuhan Thermal Power Co., Ltd.",
            "type", "COMPLIANCE_ENTITY", "region", "HB", "creditCode", "91420100714680123L")),
    ENTITY_2("entity-2", "41900360-42b8-3069-a34d-dbc69acee1ca", Map.of("name", "Shenzhen Cement Co., Ltd.",
            "type", "COMPLIANCE_ENTITY", "region", "GD", "creditCode", "91440300192238456D")),
    INVESTOR_1("investor-1", "91e0e54f-fe81-303f-aebc-b402a50e4606", Map.of("name",
            "Pudong Carbon Fund Management Co., Ltd.", "type", "INSTITUTION", "region", "SH",
            "creditCode", "91310000MA1FL0789J")),
    INDIVIDUAL_1("individual-1", "4a112fd1-268c-3705-a978-397a5e44d6bf", Map.of("name", "Li Wei",
            "type", "INDIVIDUAL", "region", "BJ", "residentId", "110105198001011238")),
    VERIFIER_1("verifier-1", "5bf17794-49b8-3ee5-91d2-92d9e0bb2076", Map.of("name",
            "China Quality Certification Centre", "type", "INSTITUTION", "region", "BJ",
            "creditCode", "12100000400012345P")),
    OPERATOR("operator", null, null),
    BANK("bank", null, null);

    private final String username;
    private final String partyId;
    private final Map<String, Object> registration;

    DemoUser(String username, String partyId, Map<String, Object> registration) {
        this.username = username;
        this.partyId = partyId;
        this.registration = registration;
    }

    /** The registration body of the party this user acts for, as in infra/demo/parties.jsonl. */
    public Map<String, Object> registration() {
        if (registration == null) {
            throw new IllegalStateException(username + " acts for no party");
        }
        return registration;
    }

    public String username() {
        return username;
    }

    /** The party_id claim, for participants. */
    public String partyId() {
        if (partyId == null) {
            throw new IllegalStateException(username + " acts for no party");
        }
        return partyId;
    }
}
