package cn.carbonmarket.contracts.party;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Parties the market itself holds rather than a participant. Each jurisdiction's auctioneer sells the primary
 * auctions' allowances: its holding account is the jurisdiction's auction delivery account, its settlement cash
 * account is the auction revenue account. Its id is fixed here so every service knows it without a lookup.
 */
public final class SystemParties {

    private SystemParties() {
    }

    /** The auctioneer of {@code jurisdiction}'s primary auctions. */
    public static PartyId auctioneer(Jurisdiction jurisdiction) {
        return new PartyId(UUID.nameUUIDFromBytes(("system-party:auctioneer:" + jurisdiction.name())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The auction delivery account a jurisdiction's auctioneer holds its units in. */
    public static AccountId auctionDeliveryAccount(Jurisdiction jurisdiction) {
        return new AccountId("AUCTION_DELIVERY-" + jurisdiction.name());
    }

    /** The jurisdiction whose auctioneer {@code party} is, if it is one. */
    public static Optional<Jurisdiction> auctioneerOf(PartyId party) {
        return Arrays.stream(Jurisdiction.values()).filter(j -> auctioneer(j).equals(party)).findFirst();
    }
}
