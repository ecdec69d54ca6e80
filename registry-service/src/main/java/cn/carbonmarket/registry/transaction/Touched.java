package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.registry.holding.HoldingKey;
import java.util.List;

/** The accounts and holdings a booking touches, each in the order every booking locks them in. */
record Touched(List<String> accounts, List<HoldingKey> holdings) {

    static Touched by(List<BookingRequest> requests) {
        return of(requests.stream().map(BookingRequest::movement).toList());
    }

    static Touched of(List<Movement> movements) {
        return new Touched(movements.stream().flatMap(m -> m.accounts().stream()).distinct().sorted().toList(),
                movements.stream().flatMap(m -> m.lines().stream())
                        .map(Movement.Line::holding).distinct().sorted().toList());
    }
}
