package cn.carbonmarket.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.json.ContractsJacksonCustomizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final ObjectMapper mapper = mapper();
    private final EventCodec codec = new EventCodec(mapper);

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new ContractsJacksonCustomizer().customize(mapper);
        return mapper;
    }

    private EventEnvelope<PartyRegistered> event() {
        PartyId party = PartyId.parse("83dabb3c-a463-3f3e-b9fd-002e55c704cf");
        Instant at = Instant.parse("2026-03-02T02:00:00Z");
        return EventEnvelope.of(PartyRegistered.TYPE, "registry-service", party.toString(),
                new PartyRegistered(party, "Wuhan Thermal Power", PartyType.COMPLIANCE_ENTITY, Region.HB,
                        AccountId.holdingOf(party), at), at);
    }

    @Test
    void writesValueTypesAsPlainJsonAndReadsThemBack() throws Exception {
        EventEnvelope<PartyRegistered> event = event();
        String json = codec.encode(event);
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.at("/payload/partyId").asText()).isEqualTo("83dabb3c-a463-3f3e-b9fd-002e55c704cf");
        assertThat(tree.at("/payload/holdingAccount").isTextual()).isTrue();
        assertThat(tree.at("/occurredAt").asText()).isEqualTo("2026-03-02T02:00:00Z");
        assertThat(codec.decode(json, PartyRegistered.TYPE)).isEqualTo(event);
    }

    @Test
    void ignoresOtherEventTypesOnTheTopic() {
        String other = codec.encode(event()).replace("\"PartyRegistered\"", "\"PartySuspended\"");
        assertThat(codec.decodeIf(other, PartyRegistered.TYPE)).isEmpty();
    }

    @Test
    void refusesNewerSchemaVersionsAndBrokenPayloads() {
        String newer = codec.encode(event()).replace("\"version\":1", "\"version\":2");
        assertThatThrownBy(() -> codec.decode(newer, PartyRegistered.TYPE))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("newer than the 1");
        String badId = codec.encode(event()).replace("\"partyId\":\"83dabb3c", "\"partyId\":\"zz3dabb3c");
        assertThatThrownBy(() -> codec.decode(badId, PartyRegistered.TYPE))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> codec.decodeIf("not json", PartyRegistered.TYPE))
                .isInstanceOf(UnreadableEventException.class);
    }
}
