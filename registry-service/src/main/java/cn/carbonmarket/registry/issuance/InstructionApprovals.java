package cn.carbonmarket.registry.issuance;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.signing.Ed25519Verifier;
import cn.carbonmarket.contracts.signing.NamedKey;
import cn.carbonmarket.platform.problem.RuleViolationException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Books issuance only against what allocation approved: an instruction must carry allocation's signature under one of
 * its public keys ({@code registry.issuance.allocation-public-key}, several during a rotation) and an approval that
 * names a run, an auction or a pilot enrolment and who approved it. Kafka's ACLs keep other services off the topic;
 * this keeps a record written there anyway (a leaked credential, an operator's console) from creating units.
 */
@ApplicationScoped
class InstructionApprovals {

    private static final String UNAPPROVED = "UNAPPROVED_INSTRUCTION";
    private static final Logger LOG = Logger.getLogger(InstructionApprovals.class);

    private final Ed25519Verifier allocation;
    private final MeterRegistry metrics;

    InstructionApprovals(@ConfigProperty(name = "registry.issuance.allocation-public-key") String publicKeys,
                         MeterRegistry metrics) {
        this.allocation = new Ed25519Verifier(NamedKey.parseAll(publicKeys));
        this.metrics = metrics;
        LOG.infof("issuance instructions are booked when signed with allocation's key %s", allocation.keyIds());
    }

    /** Refuses the instruction with UNAPPROVED_INSTRUCTION unless allocation approved and signed it as it is. */
    void check(IssuanceInstruction instruction) {
        String refusal = refusal(instruction);
        if (refusal != null) {
            metrics.counter("market.issuance.instructions.unapproved").increment();
            LOG.warnf("issuance instruction %s not booked: %s (a record on the issuance topic that allocation did not"
                    + " approve and sign as it is)", instruction.instructionId(), refusal);
            throw new RuleViolationException(UNAPPROVED, "issuance instruction " + instruction.instructionId()
                    + " is not booked: " + refusal);
        }
    }

    private String refusal(IssuanceInstruction instruction) {
        IssuanceInstruction.Approval approval = instruction.approval();
        if (approval == null || approval.basis() == null || blank(approval.reference())
                || blank(approval.approvedBy()) || approval.approvedAt() == null) {
            return "it names no approval (a run, an auction or a pilot enrolment, by whom, when)";
        }
        if (!approval.basis().allows(instruction.reason())) {
            return "a " + approval.basis() + " does not approve " + instruction.reason();
        }
        return allocation.refusal(instruction.signedContent(), instruction.signature());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
