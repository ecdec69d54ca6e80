package cn.carbonmarket.registry.issuance;

import cn.carbonmarket.contracts.event.AuctionSupply;
import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.event.ReserveSetAside;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * The instructions received on allocation's issuance stream and what became of each (issuance_instruction): issues
 * and claw-backs, auction supplies and reserve set-asides.
 */
@ApplicationScoped
class IssuanceInstructionStore {

    /** What became of an instruction. */
    enum Status { BOOKED, RETURNED, REFUSED }

    /** An instruction as its record names it: its id, what it asks for (the reason) and its instrument. */
    record Instruction(String id, String reason, InstrumentCode instrument) {

        static Instruction of(IssuanceInstruction instruction) {
            return new Instruction(instruction.instructionId(), instruction.reason().name(), instruction.instrument());
        }

        static Instruction of(AuctionSupply supply) {
            return new Instruction(supply.instructionId(), "AUCTION_SUPPLY", supply.instrument());
        }

        static Instruction of(ReserveSetAside setAside) {
            return new Instruction(setAside.instructionId(), "RESERVE_SET_ASIDE", setAside.instrument());
        }
    }

    /**
     * Records the instruction's outcome unless it was carried out before; true if it did. A refused instruction's
     * record is replaced, a carried-out one's never changes, so that a claw-back may take its record first and then
     * be the only one to carry the instruction out.
     */
    Uni<Boolean> record(SqlConnection conn, Instruction instruction, Status status, UUID transactionId,
                        String refusalCode, String refusal, Instant receivedAt) {
        return conn.preparedQuery("insert into issuance_instruction (instruction_id, reason, instrument, status,"
                        + " transaction_id, refusal_code, refusal, received_at) values ($1, $2, $3, $4, $5, $6, $7, $8)"
                        + " on conflict (instruction_id) do update set reason = excluded.reason,"
                        + " instrument = excluded.instrument, status = excluded.status,"
                        + " transaction_id = excluded.transaction_id, refusal_code = excluded.refusal_code,"
                        + " refusal = excluded.refusal, received_at = excluded.received_at"
                        + " where issuance_instruction.status = 'REFUSED'")
                .execute(Tuple.tuple(Arrays.asList(instruction.id(), instruction.reason(),
                        instruction.instrument().toString(), status.name(), transactionId, refusalCode, refusal,
                        receivedAt.atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The booking of a claw-back recorded before it was made. */
    Uni<Void> returnedBy(SqlConnection conn, String instructionId, UUID transactionId) {
        return conn.preparedQuery("update issuance_instruction set transaction_id = $2 where instruction_id = $1")
                .execute(Tuple.of(instructionId, transactionId))
                .replaceWithVoid();
    }
}
