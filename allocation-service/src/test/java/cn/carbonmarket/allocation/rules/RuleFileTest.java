package cn.carbonmarket.allocation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pack based on another takes the sections it does not write; a cited source is the text _sources holds. */
class RuleFileTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Pack(Figure share, Figure window) {
    }

    private static Map<String, Pack> read(String resource) {
        return RuleFile.read(MAPPER, resource, (id, node) -> new Pack(RuleFile.figure(node.required("share")),
                RuleFile.figure(node.required("window"))));
    }

    @Test
    void aPackBasedOnAnotherTakesItsSectionsExceptThoseItWritesAndCitesSourcesByKey() {
        Map<String, Pack> packs = read("/rulefile/based-and-cited.json");
        assertThat(packs).containsOnlyKeys("A-2024", "A-2025");
        assertThat(packs.get("A-2024").share()).isEqualTo(new Figure(new BigDecimal("0.10"), "A document, art. 1.",
                true));
        assertThat(packs.get("A-2024").window()).isEqualTo(new Figure(new BigDecimal("6"), "written out", false));
        assertThat(packs.get("A-2025").share()).isEqualTo(packs.get("A-2024").share());
        assertThat(packs.get("A-2025").window()).isEqualTo(new Figure(new BigDecimal("12"), "A document, art. 1.",
                true));
    }

    @Test
    void anUnknownSourceOrAPackBasedOnItselfStopsTheLoad() {
        assertThatThrownBy(() -> read("/rulefile/cites-unknown.json")).isInstanceOf(IllegalStateException.class)
                .hasMessage("rule pack A-2024 cites @MISSING, not in _sources");
        assertThatThrownBy(() -> read("/rulefile/based-in-a-circle.json")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is based on itself");
    }

    @Test
    void aRangeHoldsItsBoundsAndIsFixedWhereTheyMeet() {
        Bounds range = new Bounds(new BigDecimal("3"), new BigDecimal("5"), "doc", true);
        assertThat(range.contains(new BigDecimal("3.0"))).isTrue();
        assertThat(range.contains(new BigDecimal("5.01"))).isFalse();
        assertThat(range.fixed()).isFalse();
        assertThat(range).hasToString("3..5");
        assertThat(new Bounds(BigDecimal.TEN, BigDecimal.TEN, "doc", true).fixed()).isTrue();
        assertThatThrownBy(() -> new Bounds(BigDecimal.TEN, BigDecimal.ONE, "doc", true))
                .isInstanceOf(IllegalStateException.class);
    }
}
