package cn.carbonmarket.registry.issuance;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Books allocation's issuance instructions: units leave the jurisdiction's issuance account for the recipients'
 * holding accounts, once per instruction id (the booking's idempotency key), however often Kafka delivers it.
 */
@ApplicationScoped
public class IssuanceInstructions {

    private static final Initiator ALLOCATION = Initiator.system("allocation-service");

    private final EventCodec codec;
    private final Booking booking;

    public IssuanceInstructions(EventCodec codec, Booking booking) {
        this.codec = codec;
        this.booking = booking;
    }

    @Incoming("issuance-instructions")
    public Uni<Void> onInstruction(String json) {
        return codec.decodeIf(json, IssuanceInstruction.TYPE)
                .map(event -> booking.book(movementOf(event.payload()), ALLOCATION, event.payload().instructionId())
                        .replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    static Movement movementOf(IssuanceInstruction instruction) {
        String issuance = SystemAccounts.nationalIssuance(instruction.instrument().product().jurisdiction());
        List<Movement.Line> lines = new ArrayList<>();
        long total = 0;
        for (IssuanceInstruction.Recipient recipient : instruction.recipients()) {
            lines.add(new Movement.Line(new HoldingKey(AccountId.holdingOf(recipient.partyId()).value(),
                    instruction.instrument(), HoldingStatus.AVAILABLE), recipient.quantity().tonnes()));
            total = Math.addExact(total, recipient.quantity().tonnes());
        }
        lines.add(0, new Movement.Line(new HoldingKey(issuance, instruction.instrument(), HoldingStatus.AVAILABLE),
                -total));
        TransactionType type = instruction.reason() == IssuanceInstruction.Reason.AUCTION
                ? TransactionType.AUCTION_DELIVERY : TransactionType.ALLOCATION;
        return new Movement(type, lines);
    }
}
