package cn.carbonmarket.platform.party;

import cn.carbonmarket.contracts.event.PartyRegistered;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * What a service keeps of each party the registry registers (a risk profile, a cash account, a covered entity):
 * {@code create} makes it for one party at the given time, and {@code consumer} names it among the events the
 * service has processed, so each party's record is made once. A service that follows the parties produces one.
 */
public record PartyRecord(String consumer, BiFunction<PartyRegistered, Instant, Uni<?>> create) {
}
