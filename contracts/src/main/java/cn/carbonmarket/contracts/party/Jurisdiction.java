package cn.carbonmarket.contracts.party;

/** Who issues and rules a unit: the national market or one of the seven pilots it replaces. */
public enum Jurisdiction {
    CN("National carbon market"),
    BJ("Beijing pilot"),
    TJ("Tianjin pilot"),
    SH("Shanghai pilot"),
    CQ("Chongqing pilot"),
    HB("Hubei pilot"),
    GD("Guangdong pilot"),
    SZ("Shenzhen pilot");

    private final String displayName;

    Jurisdiction(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
