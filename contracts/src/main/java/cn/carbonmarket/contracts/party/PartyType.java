package cn.carbonmarket.contracts.party;

import cn.carbonmarket.contracts.InvalidValueException;
import java.util.Arrays;

/** What kind of participant a party is; it decides the identity it registers with and what it may do. */
public enum PartyType {
    /** A key emitting unit with a compliance obligation. */
    COMPLIANCE_ENTITY(true),
    /** An institution that trades (funds, brokers, verification bodies). */
    INSTITUTION(true),
    /** A natural person who trades. */
    INDIVIDUAL(false);

    private final boolean organisation;

    PartyType(boolean organisation) {
        this.organisation = organisation;
    }

    /** Organisations register with a unified social credit code, individuals with a resident id. */
    public boolean isOrganisation() {
        return organisation;
    }

    public static PartyType parse(String raw) {
        String text = InvalidValueException.require("type", raw);
        return Arrays.stream(values()).filter(t -> t.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidValueException("type", "unknown party type '" + text
                        + "'; expected one of " + Arrays.toString(values())));
    }
}
