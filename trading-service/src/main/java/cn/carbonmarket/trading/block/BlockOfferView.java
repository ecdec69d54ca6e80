package cn.carbonmarket.trading.block;

import java.time.Instant;
import java.util.UUID;

/** A block offer as its parties and the operator see it, with its state as of now. */
public record BlockOfferView(long offerId, String instrument, String side, long quantity, long priceFen,
                             UUID poster, UUID addressee, String state, Instant postedAt, Instant expiresAt,
                             Instant closedAt, UUID acceptedBy, String tradeId) {

    static BlockOfferView of(BlockOffer offer, Instant now) {
        return new BlockOfferView(offer.id, offer.instrument, offer.side.name(), offer.quantity, offer.price,
                offer.poster, offer.addressee, offer.stateAt(now).name(), offer.postedAt, offer.expiresAt,
                offer.stateAt(now) == BlockOffer.State.EXPIRED ? offer.expiresAt : offer.closedAt, offer.acceptedBy,
                offer.tradeId);
    }
}
