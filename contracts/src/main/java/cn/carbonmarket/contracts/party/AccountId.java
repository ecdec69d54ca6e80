package cn.carbonmarket.contracts.party;

import cn.carbonmarket.contracts.InvalidValueException;
import java.util.regex.Pattern;

/** A registry account id, e.g. {@code HOLDING-<party id>} or a system account such as {@code NATIONAL_ISSUANCE-CN}. */
public record AccountId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z_]{1,31}-[A-Za-z0-9-]{1,64}");

    public AccountId {
        value = InvalidValueException.require("accountId", value);
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("accountId",
                    "account id '" + value + "' is not KIND-REFERENCE (for example HOLDING-<party id>)");
        }
    }

    public static AccountId parse(String raw) {
        return new AccountId(raw);
    }

    /**
     * Each party has exactly one holding account, so its id follows from the party's: {@code HOLDING-<party id>},
     * or for a jurisdiction's auctioneer ({@link SystemParties}) the auction delivery account.
     */
    public static AccountId holdingOf(PartyId party) {
        return SystemParties.auctioneerOf(party).map(SystemParties::auctionDeliveryAccount)
                .orElseGet(() -> new AccountId("HOLDING-" + party.value()));
    }

    @Override
    public String toString() {
        return value;
    }
}
