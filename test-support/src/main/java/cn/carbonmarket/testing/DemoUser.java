package cn.carbonmarket.testing;

/** The demo realm's users (password = user name) and the party ids their tokens carry. */
public enum DemoUser {
    REGULATOR("regulator", null),
    PROVINCE_HB("province-hb", null),
    ENTITY_1("entity-1", "83dabb3c-a463-3f3e-b9fd-002e55c704cf"),
    ENTITY_2("entity-2", "41900360-42b8-3069-a34d-dbc69acee1ca"),
    INVESTOR_1("investor-1", "91e0e54f-fe81-303f-aebc-b402a50e4606"),
    INDIVIDUAL_1("individual-1", "4a112fd1-268c-3705-a978-397a5e44d6bf"),
    VERIFIER_1("verifier-1", "5bf17794-49b8-3ee5-91d2-92d9e0bb2076"),
    OPERATOR("operator", null),
    BANK("bank", null);

    private final String username;
    private final String partyId;

    DemoUser(String username, String partyId) {
        this.username = username;
        this.partyId = partyId;
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
