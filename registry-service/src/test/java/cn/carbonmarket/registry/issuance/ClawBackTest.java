package cn.carbonmarket.registry.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.event.AllocationReturned;
import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Units;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a claw-back takes from each recipient and what it leaves owed, against given holdings. */
class ClawBackTest {

    private static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");
    private static final PartyId A = new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final PartyId B = new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    private static IssuanceInstruction clawBack(IssuanceInstruction.Recipient... recipients) {
        return new IssuanceInstruction("CLAW-1", IssuanceInstruction.Reason.CLAW_BACK, CEA, List.of(recipients), null);
    }

    private static IssuanceInstruction.Recipient asked(PartyId party, long tonnes) {
        return new IssuanceInstruction.Recipient(party, Units.of(tonnes));
    }

    private static ClawBack against(IssuanceInstruction instruction, Map<PartyId, Long> held) {
        return ClawBack.against(instruction, holding -> held.entrySet().stream()
                .filter(e -> IssuanceMovements.availableOf(e.getKey(), CEA).equals(holding))
                .mapToLong(Map.Entry::getValue).findFirst().orElse(0));
    }

    @Test
    void eachRecipientReturnsWhatItHoldsUpToWhatIsAskedAndOwesTheRest() {
        ClawBack clawBack = against(clawBack(asked(A, 100), asked(B, 70)), Map.of(A, 250L, B, 30L));

        assertThat(clawBack.returns()).containsExactly(
                new AllocationReturned.Return(A, Units.of(100), Units.of(100), Units.ZERO),
                new AllocationReturned.Return(B, Units.of(70), Units.of(30), Units.of(40)));
        assertThat(clawBack.debts()).containsExactly(Map.entry(B, 40L));
        Movement movement = clawBack.movement();
        assertThat(movement.type()).isEqualTo(TransactionType.ALLOCATION_RETURN);
        assertThat(movement.lines()).extracting(Movement.Line::delta).containsExactly(130L, -100L, -30L);
        assertThat(movement.lines().get(0).holding().account()).isEqualTo("NATIONAL_ISSUANCE-CN");
    }

    @Test
    void aPartyNamedTwiceReturnsTheSecondTimeFromWhatTheFirstLeft() {
        ClawBack clawBack = against(clawBack(asked(A, 60), asked(A, 60)), Map.of(A, 100L));

        assertThat(clawBack.returns()).extracting(r -> r.returned().tonnes()).containsExactly(60L, 40L);
        assertThat(clawBack.debts()).containsExactly(Map.entry(A, 20L));
        assertThat(clawBack.movement().lines()).extracting(Movement.Line::delta).containsExactly(100L, -60L, -40L);
    }

    @Test
    void nothingHeldReturnsNothingAndOwesEverything() {
        ClawBack clawBack = against(clawBack(asked(A, 5)), Map.of());

        assertThat(clawBack.returnsAny()).isFalse();
        assertThat(clawBack.debts()).containsExactly(Map.entry(A, 5L));
        assertThat(clawBack.event(null).transactionId()).isNull();
    }

    @Test
    void theMovementAskedLocksEveryRecipientAndAClawBackOfNoOneIsRefused() {
        Movement asked = ClawBack.asked(clawBack(asked(A, 10), asked(B, 0)));
        assertThat(asked.lines()).extracting(Movement.Line::holding).containsExactly(
                new HoldingKey("NATIONAL_ISSUANCE-CN", CEA, HoldingStatus.AVAILABLE),
                IssuanceMovements.availableOf(A, CEA), IssuanceMovements.availableOf(B, CEA));
        assertThatThrownBy(() -> ClawBack.asked(clawBack())).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("at least one recipient");
    }
}
