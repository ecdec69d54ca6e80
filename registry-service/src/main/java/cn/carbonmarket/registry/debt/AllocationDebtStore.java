package cn.carbonmarket.registry.debt;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.sql.ColumnBatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Allocation debts (allocation_debt): what claw-backs could not take back, per instruction and party. */
@ApplicationScoped
public class AllocationDebtStore {

    /** One party's debt left by one claw-back instruction. */
    public record Debt(String instructionId, PartyId party, InstrumentCode instrument, long tonnes,
                       Instant recordedAt) {
    }

    private static final ColumnBatch<Debt> DEBTS = new ColumnBatch<Debt>()
            .column(String.class, Debt::instructionId)
            .column(UUID.class, d -> d.party().value())
            .column(String.class, d -> d.instrument().toString())
            .column(Long.class, Debt::tonnes)
            .column(OffsetDateTime.class, d -> d.recordedAt().atOffset(ZoneOffset.UTC));

    /** Written in the transaction that carries the claw-back out. */
    public Uni<Void> record(SqlConnection conn, List<Debt> debts) {
        if (debts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return DEBTS.execute(conn, "insert into allocation_debt (instruction_id, party_id, instrument, tonnes,"
                + " recorded_at) select * from unnest($1::text[], $2::uuid[], $3::text[], $4::bigint[],"
                + " $5::timestamptz[])", debts);
    }

    /** A party's debts per instrument, each with its instructions, oldest first. */
    Uni<List<AllocationDebt>> of(SqlConnection conn, PartyId party) {
        return conn.preparedQuery("select instrument, instruction_id, tonnes, recorded_at from allocation_debt"
                        + " where party_id = $1 order by instrument, recorded_at, instruction_id")
                .execute(Tuple.of(party.value()))
                .map(rows -> {
                    Map<String, List<AllocationDebt.Instruction>> byInstrument = new LinkedHashMap<>();
                    rows.forEach(r -> byInstrument.computeIfAbsent(r.getString("instrument"), i -> new ArrayList<>())
                            .add(new AllocationDebt.Instruction(r.getString("instruction_id"), r.getLong("tonnes"),
                                    r.getOffsetDateTime("recorded_at").toInstant())));
                    List<AllocationDebt> debts = new ArrayList<>(byInstrument.size());
                    byInstrument.forEach((instrument, instructions) -> debts.add(new AllocationDebt(instrument,
                            instructions.stream().mapToLong(AllocationDebt.Instruction::tonnes)
                                    .reduce(0, Math::addExact), instructions)));
                    return debts;
                });
    }
}
