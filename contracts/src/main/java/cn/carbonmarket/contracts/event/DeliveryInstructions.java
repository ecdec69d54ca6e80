package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.LocalDate;
import java.util.List;

/**
 * A clearing run's net deliveries for one trade date: per party and instrument the signed change of its units in
 * trading (positive: received). Per instrument they sum to zero, or the registry rejects the whole run. Keyed by
 * run id on {@code settlement.delivery-instructions}.
 */
public record DeliveryInstructions(String runId, LocalDate tradeDate, List<Delivery> deliveries) {

    public static final EventType<DeliveryInstructions> TYPE = new EventType<>("DeliveryInstructions", 1,
            DeliveryInstructions.class, Topics.SETTLEMENT_DELIVERY_INSTRUCTIONS);

    public record Delivery(PartyId partyId, InstrumentCode instrument, long netUnits) {
    }

    public DeliveryInstructions {
        deliveries = List.copyOf(deliveries);
    }
}
