package cn.carbonmarket.trading.order;

import cn.carbonmarket.trading.engine.OrderView;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An order as its party sees it; filledQuantity + openQuantity + cancelledQuantity = quantity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderResponse(long orderId, String clientOrderId, String instrument, String side, String type,
                            Long priceFen, Integer level, long quantity, long filledQuantity, long openQuantity,
                            long cancelledQuantity, long filledValueFen, String state, String rejectedFor,
                            String cancelReason, Instant placedAt) {

    static OrderResponse of(OrderView o) {
        boolean take = o.level() > 0;
        return new OrderResponse(o.orderId(), o.clientOrderId(), o.instrument().toString(), o.side().name(),
                take ? "TAKE_AT_LEVEL" : "LIMIT", take ? null : o.price(), take ? o.level() : null, o.quantity(),
                o.filled(), o.open(), o.cancelled(), o.filledValue(), o.state().name(), o.rejectedFor(),
                o.cancelReason(), o.placedAt());
    }
}
