package cn.carbonmarket.registry.migration.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ControlTotalsExportTest {

    @Test
    void readsAPilotsControlTotals() throws IOException {
        ControlTotals control;
        try (InputStream in = getClass().getResourceAsStream("/pilots/beijing/control.json")) {
            control = ControlTotals.parse(in);
        }

        assertThat(control.pilot()).isEqualTo(Pilot.BJ);
        assertThat(control.exportDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(control.accounts()).isEqualTo(400);
        assertThat(control.holdingRows()).isEqualTo(1285);
        assertThat(control.tonnesByInstrument()).hasSize(15)
                .containsEntry(InstrumentCode.parse("BEA-2019"), 109_412_073L)
                .containsEntry(InstrumentCode.parse("CCER-2023"), 621_616L);
    }

    @Test
    void incompleteOrForeignTotalsAreRejected() {
        assertThatThrownBy(() -> parse("{\"pilot\": \"BJ\", \"exportDate\": \"2025-12-31\", \"accounts\": 1, \"totalsTonnes\": {}}"))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("control totals: 'holdingRows' is missing");
        assertThatThrownBy(() -> parse("{\"pilot\": \"XX\", \"exportDate\": \"2025-12-31\", \"accounts\": 1, "
                + "\"holdingRows\": 1, \"totalsTonnes\": {}}"))
                .hasMessage("control totals: pilot 'XX' is not one of the seven pilots");
        assertThatThrownBy(() -> parse("{\"pilot\": \"BJ\", \"exportDate\": \"2025-12-31\", \"accounts\": 1, "
                + "\"holdingRows\": 1, \"totalsTonnes\": {\"BEA-2019\": 1.5}}"))
                .hasMessage("control totals: 'BEA-2019' is not a whole number: 1.5");
    }

    private static ControlTotals parse(String json) throws IOException {
        return ControlTotals.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
