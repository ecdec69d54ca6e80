package cn.carbonmarket.contracts.party;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.id.TimeOrderedIds;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * A market participant's national id: random, so that nothing about the holder's legal identity (credit code or
 * resident id) can be worked out from it, though it appears in URLs, tokens, account ids and every event. The
 * registry finds a holder's party by its identity through a keyed index of its own, so that a holder is still one
 * party nationally however many pilot accounts it had.
 */
public record PartyId(UUID value) {

    public PartyId {
        if (value == null) {
            throw new InvalidValueException("partyId", "party id is required");
        }
    }

    /**
     * A new party's id, time-ordered (parties registered together are neighbours in their indexes) and otherwise from
     * a strong random source: one party's id tells nothing of the next.
     */
    public static PartyId newAt(Instant registeredAt) {
        return new PartyId(TimeOrderedIds.at(registeredAt, Unguessable.RANDOM));
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

    /** Made at run time, not in a native image's heap, whose seed would be the same in every process. */
    private static final class Unguessable {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
