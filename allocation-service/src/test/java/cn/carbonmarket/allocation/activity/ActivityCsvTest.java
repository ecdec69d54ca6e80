package cn.carbonmarket.allocation.activity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.carbonmarket.allocation.activity.ActivityCsv.Parsed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The row parser of activity data uploads, without a database: what each line yields or why it is refused. */
class ActivityCsvTest {

    private static final String HEADER =
            "unit_id,electricity_supplied_mwh,heat_supplied_gj,load_factor,heat_supply_ratio\n";

    private static Parsed read(String csv) {
        return ActivityCsv.read(new ByteArrayInputStream(csv.getBytes(UTF_8)));
    }

    private static UploadInvalidException refused(Parsed parsed) {
        return catchThrowableOfType(() -> parsed.errors().throwIfAny(), UploadInvalidException.class);
    }

    @Test
    void wellFormedLinesBecomeRowsWithTheirLineNumbersAndExactFigures() throws Exception {
        String csv = "\uFEFF" + HEADER.replace(",", " , ") + "U-1,3000000,1000000,0.82,0.15\r\n\r\nU-2,0,0,1,0.0001\n";
        Parsed parsed = read(csv);

        assertThat(parsed.errors().total()).isZero();
        assertThat(parsed.rows()).extracting(ActivityCsv.UploadRow::line).containsExactly(2, 4);
        ActivityFigures first = parsed.rows().get(0).row().figures();
        assertThat(parsed.rows().get(0).row().unitId()).isEqualTo("U-1");
        assertThat(first.electricitySuppliedMwh()).isEqualTo(3_000_000L);
        assertThat(first.heatSuppliedGj()).isEqualTo(1_000_000L);
        assertThat(first.loadFactor()).isEqualByComparingTo(new BigDecimal("0.82"));
        assertThat(parsed.rows().get(1).row().figures().heatSupplyRatio()).isEqualTo(new BigDecimal("0.0001"));
        assertThat(parsed.contentHash()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(csv.getBytes(UTF_8))));
    }

    @Test
    void everyWrongFieldOfEveryLineIsReportedByLineAndColumn() {
        Parsed parsed = read(HEADER
                + "U-1,-5,10,0.5,0.1\n"
                + "U-2,10,1.5,1.2,0.12345\n"
                + "U-3,10,10\n"
                + ",10,10,0.5,abc\n"
                + "U-4,10,10,0.5,0.1\n");

        assertThat(parsed.rows()).extracting(r -> r.row().unitId()).containsExactly("U-4");
        UploadInvalidException refused = refused(parsed);
        assertThat(refused.total()).isEqualTo(7);
        assertThat(refused.errors()).extracting(RowError::line, RowError::field).containsExactly(
                tuple(2, "electricity_supplied_mwh"),
                tuple(3, "heat_supplied_gj"),
                tuple(3, "load_factor"),
                tuple(3, "heat_supply_ratio"),
                tuple(4, "row"),
                tuple(5, "unit_id"),
                tuple(5, "heat_supply_ratio"));
        assertThat(refused.errors().get(0).reason()).contains("not negative");
        assertThat(refused.errors().get(3).reason()).contains("at most 4 decimal places");
        assertThat(refused.errors().get(4).reason()).contains("5 fields expected, found 3");
    }

    @Test
    void aUnitTwiceIsRefusedOnItsSecondLine() {
        UploadInvalidException refused = refused(read(HEADER + "U-1,1,1,0.5,0.1\nU-2,1,1,0.5,0.1\nU-1,2,2,0.5,0.1\n"));

        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.field()).isEqualTo("unit_id");
            assertThat(e.reason()).contains("already on line 2");
        });
    }

    @Test
    void withoutItsHeaderAnUploadIsRefusedAtLineOne() {
        UploadInvalidException refused = catchThrowableOfType(() -> read("U-1,1,1,0.5,0.1\n"),
                UploadInvalidException.class);
        assertThat(refused.errors()).extracting(RowError::line, RowError::field)
                .containsExactly(tuple(1, "header"));
        assertThat(catchThrowableOfType(() -> read(""), UploadInvalidException.class).total()).isEqualTo(1);
    }

    @Test
    void anUploadOfNoRowsIsRefused() {
        assertThat(refused(read(HEADER + "\n")).errors()).extracting(RowError::field).containsExactly("body");
    }

    @Test
    void theReportListsTheFirstThousandErrorsAndCountsThemAll() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 1_500; i++) {
            csv.append("U-").append(i).append(",x,1,0.5,0.1\n");
        }
        UploadInvalidException refused = refused(read(csv.toString()));
        assertThat(refused.total()).isEqualTo(1_500);
        assertThat(refused.errors()).hasSize(RowErrors.LISTED);
        assertThat(refused.errors().get(RowErrors.LISTED - 1).line()).isEqualTo(RowErrors.LISTED + 1);
    }
}
