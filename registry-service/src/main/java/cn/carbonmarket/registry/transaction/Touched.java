package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.registry.holding.HoldingKey;
import java.util.List;

/** The accounts and holdings a booking touches, each in the order every booking locks them in. */
record Touched(List<String> accounts, List<HoldingKey> holdings) {

    static Touched by(List<BookingRequest> requests) {
        return new Touched(requests.stream().flatMap(r -> r.movement().accounts().stream())
                .distinct().sorted().toList(),
                requests.stream().flatMap(r -> r.movement().lines().stream())
                        .map(Movement.Line::holding).distinct().sorted().toList());
    }
}
