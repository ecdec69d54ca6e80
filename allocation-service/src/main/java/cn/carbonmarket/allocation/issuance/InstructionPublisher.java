package cn.carbonmarket.allocation.issuance;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.signing.Ed25519Signer;
import cn.carbonmarket.contracts.signing.NamedKey;
import cn.carbonmarket.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes issuance instructions through the outbox, each signed with allocation's Ed25519 key
 * ({@code allocation.issuance.signing-key}) over its canonical form, approval included: the registry books only what
 * this key signed. Signing is deterministic, so an instruction sent again carries the same signature while the key is
 * the same.
 */
@ApplicationScoped
public class InstructionPublisher {

    private final Ed25519Signer signer;
    private final Outbox outbox;

    InstructionPublisher(@ConfigProperty(name = "allocation.issuance.signing-key") String signingKey, Outbox outbox) {
        this.signer = new Ed25519Signer(NamedKey.parse(signingKey));
        this.outbox = outbox;
    }

    public Uni<Void> publish(SqlConnection conn, List<IssuanceInstruction> instructions) {
        return outbox.publishAll(conn, IssuanceInstruction.TYPE, instructions.stream()
                .map(instruction -> new Outbox.Keyed<>(instruction.instructionId(), signed(instruction))).toList());
    }

    public Uni<Void> publish(SqlConnection conn, IssuanceInstruction instruction) {
        return outbox.publish(conn, IssuanceInstruction.TYPE, instruction.instructionId(), signed(instruction))
                .replaceWithVoid();
    }

    private IssuanceInstruction signed(IssuanceInstruction instruction) {
        return instruction.signedWith(signer.sign(instruction.signedContent()));
    }
}
