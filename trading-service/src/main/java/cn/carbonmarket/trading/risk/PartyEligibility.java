package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.rules.Eligibility;
import cn.carbonmarket.trading.rules.TradingRulePack;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a party may trade an instrument: its risk profile's party type must be one its jurisdiction's pack
 * admits. A jurisdiction that admits every type costs nothing; elsewhere a party's type is read once from its
 * profile and kept, since the registry never changes a party's type.
 */
@ApplicationScoped
public class PartyEligibility {

    private final TradingRulePack pack;
    private final Pool pool;
    private final Map<PartyId, PartyType> types = new ConcurrentHashMap<>();

    public PartyEligibility(TradingRulePack pack, Pool pool) {
        this.pack = pack;
        this.pool = pool;
    }

    /** Fails with 422 {@code PARTY_NOT_ELIGIBLE} unless {@code party} may trade {@code instrument}. */
    public Uni<Void> require(PartyId party, InstrumentCode instrument) {
        Optional<Eligibility> rules = pack.eligibility(instrument.product().jurisdiction())
                .filter(eligibility -> !eligibility.admitsEveryone());
        if (rules.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return typeOf(party).invoke(type -> rules.get().require(party, type)).replaceWithVoid();
    }

    /** The party's type, null while trading has no risk profile of it. */
    private Uni<PartyType> typeOf(PartyId party) {
        PartyType known = types.get(party);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.preparedQuery("select party_type from risk_profile where party_id = $1")
                .execute(Tuple.of(party.value()))
                .map(rows -> rows.size() == 0 ? null : PartyType.valueOf(rows.iterator().next().getString(0)))
                .invoke(type -> {
                    if (type != null) {
                        types.put(party, type);
                    }
                });
    }
}
