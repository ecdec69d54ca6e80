package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * End-of-day netting of a trade date's cleared trades: per party and instrument the net unit delivery and the net
 * cash. Every trade moves as many tonnes out as in, so per instrument the unit lines sum to zero; the cash lines
 * sum to minus the fees the exchange earned.
 */
public final class Netting {

    private Netting() {
    }

    private record Key(PartyId party, InstrumentCode instrument) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.instrument().toString())
            .thenComparing(k -> k.party().value());

    public static List<NetPosition> net(LocalDate tradeDate, Collection<ClearedTrade> trades) {
        Map<Key, long[]> sums = new TreeMap<>(ORDER);
        for (ClearedTrade cleared : trades) {
            Trade trade = cleared.trade();
            if (!trade.tradeDate().equals(tradeDate)) {
                continue;
            }
            long[] buyer = sums.computeIfAbsent(new Key(trade.buyer(), trade.instrument()), k -> new long[2]);
            buyer[0] = Math.addExact(buyer[0], trade.quantity());
            buyer[1] = Math.subtractExact(buyer[1], Math.addExact(cleared.valueFen(), cleared.buyerFeeFen()));
            long[] seller = sums.computeIfAbsent(new Key(trade.seller(), trade.instrument()), k -> new long[2]);
            seller[0] = Math.subtractExact(seller[0], trade.quantity());
            seller[1] = Math.addExact(seller[1], Math.subtractExact(cleared.valueFen(), cleared.sellerFeeFen()));
        }
        List<NetPosition> positions = new ArrayList<>();
        sums.forEach((key, sum) -> positions.add(new NetPosition(key.party(), key.instrument(), sum[0], sum[1])));
        return positions;
    }
}
