package cn.carbonmarket.contracts.party;

import cn.carbonmarket.contracts.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A market participant's national id. It is derived from the holder's legal identity (credit code or resident id)
 * so that a holder is one party nationally however many pilot accounts it had, and so that registering the same
 * holder twice lands on the same party.
 */
public record PartyId(UUID value) {

    public PartyId {
        if (value == null) {
            throw new InvalidValueException("partyId", "party id is required");
        }
    }

    public static PartyId forIdentity(LegalIdentity identity) {
        byte[] name = ("party:" + identity.code()).getBytes(StandardCharsets.UTF_8);
        return new PartyId(UUID.nameUUIDFromBytes(name));
    }

    public static PartyId parse(String raw) {
        String text = InvalidValueException.require("partyId", raw);
        try {
            return new PartyId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("partyId", "party id '" + text + "' is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
