package cn.carbonmarket.allocation.issuance;

import cn.carbonmarket.contracts.event.AllocationReturned;
import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Units;
import cn.carbonmarket.platform.sql.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * All SQL of issuance instructions: written at a run's approval or a pilot enrolment, answered by the registry,
 * reconciled.
 */
@ApplicationScoped
public class IssuanceInstructionStore {

    /** Instruction ids of approved runs start so; the registry's answers carry them back. */
    static final String PREFIX = "ALLOC-";
    /** Instruction ids of pilot enrolments start so: PILOT-<periodId>-<partyId>-<n>. */
    static final String PILOT_PREFIX = "PILOT-";

    /** What an instruction is published with. */
    private static final String INSTRUCTION = "instruction_id, run_id, period_id, party_id, reason, tonnes,"
            + " instrument, approved_by, approved_at";

    private static final String COLUMNS = "instruction_id, run_id, period_id, party_id, region, instrument, reason,"
            + " tonnes, status, transaction_id, returned, debt, refusal_code, refusal_reason, created_at, updated_at";

    /**
     * One instruction per entity whose allocation the approved run changes, for the difference: issued where it
     * grows, clawed back where it shrinks, each naming the run and its approver. Its id is made of the run's and the
     * party's, so a second call writes nothing and returns nothing.
     */
    public Uni<List<IssuanceInstruction>> writeFor(SqlClient sql, UUID runId, String periodId, InstrumentCode instrument,
                                                   String approvedBy, Instant at) {
        return sql.preparedQuery("insert into issuance_instruction (instruction_id, run_id, period_id, party_id,"
                        + " region, instrument, reason, tonnes, status, created_at, updated_at, approved_by,"
                        + " approved_at)"
                        + " select '" + PREFIX + "' || run_id || '-' || party_id, run_id, $2, party_id, region, $3,"
                        + " case when delta_tonnes > 0 then 'FREE_ALLOCATION' else 'CLAW_BACK' end,"
                        + " abs(delta_tonnes), 'PENDING', $4, $4, $5, $4 from run_entity where run_id = $1"
                        + " and delta_tonnes <> 0 order by party_id on conflict (instruction_id) do nothing"
                        + " returning " + INSTRUCTION)
                .execute(Tuple.of(runId, periodId, instrument.toString(), utc(at), approvedBy))
                .map(rows -> Rows.all(rows, IssuanceInstructionStore::instruction));
    }

    /**
     * The next instruction of a pilot enrolment whose free allocation changed by {@code deltaTonnes}: issued where it
     * grows, clawed back where it shrinks; {@code n} counts the enrolment's instructions, so each has its own id.
     */
    public Uni<IssuanceInstruction> writePilot(SqlClient sql, String periodId, UUID partyId, Region region,
                                               InstrumentCode instrument, long deltaTonnes, int n, String approvedBy,
                                               Instant at) {
        String instructionId = PILOT_PREFIX + periodId + "-" + partyId + "-" + n;
        IssuanceInstruction.Reason reason = deltaTonnes > 0 ? IssuanceInstruction.Reason.FREE_ALLOCATION
                : IssuanceInstruction.Reason.CLAW_BACK;
        return sql.preparedQuery("insert into issuance_instruction (instruction_id, period_id, party_id, region,"
                        + " instrument, reason, tonnes, status, created_at, updated_at, approved_by, approved_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, 'PENDING', $8, $8, $9, $8) returning " + INSTRUCTION)
                .execute(Tuple.tuple(List.of(instructionId, periodId, partyId, region.name(), instrument.toString(),
                        reason.name(), Math.abs(deltaTonnes), utc(at), approvedBy)))
                .map(rows -> instruction(rows.iterator().next()));
    }

    /** The net tonnes a pilot enrolment's instructions asked the registry for: issued minus clawed back. */
    public Uni<Long> pilotInstructed(SqlClient sql, String periodId, UUID partyId) {
        return sql.preparedQuery("select coalesce(sum(case when reason = 'CLAW_BACK' then -tonnes else tonnes end), 0)"
                        + " as net from issuance_instruction where period_id = $1 and party_id = $2"
                        + " and instruction_id like '" + PILOT_PREFIX + "%'")
                .execute(Tuple.of(periodId, partyId))
                .map(rows -> rows.iterator().next().getLong("net"));
    }

    /** A pilot enrolment's instructions (every enrolment's of the period where no party is given), oldest first. */
    public Uni<List<InstructionView>> pilotInstructions(SqlClient sql, String periodId, UUID partyId) {
        return sql.preparedQuery("select " + COLUMNS + " from issuance_instruction where period_id = $1"
                        + " and ($2::uuid is null or party_id = $2) and instruction_id like '" + PILOT_PREFIX + "%'"
                        + " order by created_at, instruction_id")
                .execute(Tuple.of(periodId, partyId))
                .map(rows -> Rows.all(rows, IssuanceInstructionStore::view));
    }

    /** A refused instruction back to PENDING, as first published, to be sent again; empty if it was not refused. */
    Uni<Optional<IssuanceInstruction>> resend(SqlClient sql, String instructionId, Instant at) {
        return sql.preparedQuery("update issuance_instruction set status = 'PENDING', updated_at = $2"
                        + " where instruction_id = $1 and status = 'REFUSED' returning " + INSTRUCTION)
                .execute(Tuple.of(instructionId, utc(at)))
                .map(rows -> Rows.first(rows, IssuanceInstructionStore::instruction));
    }

    /**
     * An instruction as written, with what approved it: its run, or for a pilot's its enrolment
     * ({@code <periodId>/<partyId>}), and who approved it when (as stored, to the microsecond, so that the first
     * publication and a resend sign the same approval).
     */
    private static IssuanceInstruction instruction(Row row) {
        UUID run = row.getUUID("run_id");
        IssuanceInstruction.Approval approval = run != null
                ? new IssuanceInstruction.Approval(IssuanceInstruction.Basis.ALLOCATION_RUN, run.toString(),
                        row.getString("approved_by"), row.getOffsetDateTime("approved_at").toInstant())
                : new IssuanceInstruction.Approval(IssuanceInstruction.Basis.PILOT_ENROLMENT,
                        row.getString("period_id") + "/" + row.getUUID("party_id"), row.getString("approved_by"),
                        row.getOffsetDateTime("approved_at").toInstant());
        return new IssuanceInstruction(row.getString("instruction_id"),
                IssuanceInstruction.Reason.valueOf(row.getString("reason")),
                InstrumentCode.parse(row.getString("instrument")),
                List.of(new IssuanceInstruction.Recipient(new PartyId(row.getUUID("party_id")),
                        Units.of(row.getLong("tonnes")))), approval);
    }

    /** The registry booked the instruction. A later refusal of a redelivery never undoes it. */
    Uni<Void> issued(SqlClient sql, String instructionId, UUID transactionId, Instant at) {
        return sql.preparedQuery("update issuance_instruction set status = 'ISSUED', transaction_id = $2,"
                        + " refusal_code = null, refusal_reason = null, updated_at = $3"
                        + " where instruction_id = $1 and reason <> 'CLAW_BACK' and status in ('PENDING', 'REFUSED')")
                .execute(Tuple.of(instructionId, transactionId, utc(at))).replaceWithVoid();
    }

    Uni<Void> refused(SqlClient sql, String instructionId, String code, String reason, Instant at) {
        return sql.preparedQuery("update issuance_instruction set status = 'REFUSED', refusal_code = $2,"
                        + " refusal_reason = $3, updated_at = $4 where instruction_id = $1 and status = 'PENDING'")
                .execute(Tuple.of(instructionId, code, reason, utc(at))).replaceWithVoid();
    }

    Uni<Void> returned(SqlClient sql, AllocationReturned returned, Instant at) {
        long back = returned.returns().stream().mapToLong(r -> r.returned().tonnes()).sum();
        long debt = returned.returns().stream().mapToLong(r -> r.debt().tonnes()).sum();
        return sql.preparedQuery("update issuance_instruction set status = 'RETURNED', transaction_id = $2,"
                        + " returned = $3, debt = $4, refusal_code = null, refusal_reason = null, updated_at = $5"
                        + " where instruction_id = $1 and reason = 'CLAW_BACK' and status in ('PENDING', 'REFUSED')")
                .execute(Tuple.of(returned.instructionId(), returned.transactionId(), back, debt, utc(at)))
                .replaceWithVoid();
    }

    Uni<List<InstructionView>> list(SqlClient sql, String periodId, UUID partyId, Region region, UUID runId) {
        return sql.preparedQuery("select " + COLUMNS + " from issuance_instruction where ($1::text is null"
                        + " or period_id = $1) and ($2::uuid is null or party_id = $2) and ($3::text is null"
                        + " or region = $3) and ($4::uuid is null or run_id = $4) order by created_at, instruction_id")
                .execute(Tuple.of(periodId, partyId, region == null ? null : region.name(), runId))
                .map(rows -> Rows.all(rows, IssuanceInstructionStore::view));
    }

    Uni<Optional<InstructionView>> find(SqlClient sql, String instructionId) {
        return sql.preparedQuery("select " + COLUMNS + " from issuance_instruction where instruction_id = $1")
                .execute(Tuple.of(instructionId))
                .map(rows -> Rows.first(rows, IssuanceInstructionStore::view));
    }

    Uni<Boolean> periodExists(SqlClient sql, String periodId) {
        return sql.preparedQuery("select 1 from compliance_period where period_id = $1").execute(Tuple.of(periodId))
                .map(rows -> rows.size() > 0);
    }

    Uni<Reconciliation> reconcile(SqlClient sql, String periodId) {
        return sql.preparedQuery("select"
                        + " (select coalesce(sum(e.delta_tonnes), 0) from run_entity e join allocation_run r"
                        + " on r.run_id = e.run_id where r.period_id = $1 and r.status = 'APPROVED')"
                        + " + (select coalesce(sum(free_allocation_tonnes), 0) from pilot_enrolment"
                        + " where period_id = $1) as approved,"
                        + " coalesce(sum(case when reason = 'CLAW_BACK' then -tonnes else tonnes end), 0) as instructed,"
                        + " coalesce(sum(tonnes) filter (where status = 'ISSUED'), 0) as issued,"
                        + " coalesce(sum(returned), 0) as returned, coalesce(sum(debt), 0) as debt,"
                        + " count(*) as instructions,"
                        + " count(*) filter (where status = 'PENDING') as pending,"
                        + " coalesce(sum(tonnes) filter (where status = 'PENDING'), 0) as pending_tonnes,"
                        + " count(*) filter (where status = 'REFUSED') as refused,"
                        + " coalesce(sum(tonnes) filter (where status = 'REFUSED'), 0) as refused_tonnes"
                        + " from issuance_instruction where period_id = $1")
                .execute(Tuple.of(periodId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return Reconciliation.of(periodId, row.getLong("approved"), row.getLong("instructed"),
                            row.getLong("issued"), row.getLong("returned"), row.getLong("debt"),
                            row.getLong("instructions").intValue(), row.getLong("pending").intValue(),
                            row.getLong("pending_tonnes"), row.getLong("refused").intValue(),
                            row.getLong("refused_tonnes"));
                });
    }

    private static InstructionView view(Row row) {
        UUID transaction = row.getUUID("transaction_id");
        UUID run = row.getUUID("run_id");
        return new InstructionView(row.getString("instruction_id"), run == null ? null : run.toString(),
                row.getString("period_id"), row.getUUID("party_id").toString(), row.getString("region"),
                row.getString("instrument"), row.getString("reason"), row.getLong("tonnes"), row.getString("status"),
                transaction == null ? null : transaction.toString(), row.getLong("returned"), row.getLong("debt"),
                row.getString("refusal_code"), row.getString("refusal_reason"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
