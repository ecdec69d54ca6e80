package cn.carbonmarket.allocation.pilot;

import cn.carbonmarket.allocation.issuance.InstructionView;
import java.time.Instant;
import java.util.List;

/**
 * An enrolment as the API shows it, with the issuance of its free allocation: the status of its latest instruction
 * (PENDING, ISSUED, REFUSED, or RETURNED for a claw-back; NONE while nothing was to be issued) and every instruction.
 */
public record EnrolmentView(String periodId, String partyId, String name, String region, String sector,
                            long freeAllocationTonnes, Long verifiedEmissionsTonnes, String issuanceStatus,
                            List<InstructionView> instructions, String enrolledBy, Instant enrolledAt,
                            String updatedBy, Instant updatedAt) {

    static final String NOTHING_ISSUED = "NONE";

    static EnrolmentView of(Enrolment e, String name, List<InstructionView> instructions) {
        String status = instructions.isEmpty() ? NOTHING_ISSUED : instructions.get(instructions.size() - 1).status();
        return new EnrolmentView(e.periodId(), e.partyId().toString(), name, e.region(), e.sector().name(),
                e.freeAllocationTonnes(), e.verifiedEmissionsTonnes(), status, instructions, e.enrolledBy(),
                e.enrolledAt(), e.updatedBy(), e.updatedAt());
    }
}
