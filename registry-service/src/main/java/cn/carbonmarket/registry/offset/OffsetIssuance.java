package cn.carbonmarket.registry.offset;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;
import java.util.UUID;

/** An issuance of offset credits as recorded: what went to whom from which project, its transaction and issuer. */
public record OffsetIssuance(String issuanceId, UUID transactionId, UUID partyId, String instrument, long quantity,
                             String projectId, String projectName, String issuedBy, Instant issuedAt) {

    /** What an issuance asks for; the same issuance id with another one is a conflict. */
    record Asked(String issuanceId, PartyId party, InstrumentCode instrument, long quantity, String projectId,
                 String projectName) {
    }

    boolean issues(Asked asked) {
        return partyId.equals(asked.party().value()) && instrument.equals(asked.instrument().toString())
                && quantity == asked.quantity() && projectId.equals(asked.projectId())
                && projectName.equals(asked.projectName());
    }
}
