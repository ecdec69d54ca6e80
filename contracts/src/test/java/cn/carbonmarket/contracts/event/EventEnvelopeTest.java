package cn.carbonmarket.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void stampsTypeVersionAndKeyFromTheEventType() {
        PartyId party = PartyId.parse("83dabb3c-a463-3f3e-b9fd-002e55c704cf");
        Instant now = Instant.parse("2026-01-05T01:30:00Z");
        PartyRegistered payload = new PartyRegistered(party, "Wuhan Thermal Power", PartyType.COMPLIANCE_ENTITY,
                Region.HB, AccountId.holdingOf(party), now);
        EventEnvelope<PartyRegistered> event = EventEnvelope.of(PartyRegistered.TYPE, "registry-service",
                party.toString(), payload, now);
        assertThat(event.type()).isEqualTo("PartyRegistered");
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.key()).isEqualTo(party.toString());
        assertThat(event.eventId()).isNotNull();
        assertThat(PartyRegistered.TYPE.topic()).isEqualTo("registry.parties");
    }

    @Test
    void refusesIncompleteEnvelopes() {
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "X", 0, Instant.now(), "p", "k", "payload"))
                .hasMessageContaining("version starts at 1");
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "X", 1, Instant.now(), "p", null, "payload"))
                .hasMessage("key");
    }
}
