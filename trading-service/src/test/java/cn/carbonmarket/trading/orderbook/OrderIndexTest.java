package cn.carbonmarket.trading.orderbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OrderIndexTest {

    /** Positive ids put when absent and removed when present, from a small range so that probe runs collide. */
    @Provide
    Arbitrary<List<Long>> ids() {
        return Arbitraries.longs().between(1, 200).list().ofMaxSize(2_000);
    }

    @Property(tries = 300)
    void behavesLikeAMap(@ForAll("ids") List<Long> ids) {
        OrderIndex index = new OrderIndex(4);
        Map<Long, RestingOrder> expected = new HashMap<>();
        for (long id : ids) {
            if (expected.containsKey(id)) {
                index.remove(id);
                expected.remove(id);
            } else {
                RestingOrder order = new RestingOrder();
                order.id = id;
                index.put(order);
                expected.put(id, order);
            }
            assertThat(index.size()).isEqualTo(expected.size());
        }
        for (long id = 1; id <= 200; id++) {
            assertThat(index.get(id)).isSameAs(expected.get(id));
        }
    }
}
