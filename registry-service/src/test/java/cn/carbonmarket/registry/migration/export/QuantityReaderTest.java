package cn.carbonmarket.registry.migration.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pilots' ways of writing a quantity, converted to whole tonnes exactly or not at all. */
class QuantityReaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "58.5128  | 585128",
            "0.0163   | 163",
            "0.0001   | 1",
            "1        | 10000",
            "300.0000 | 3000000",
            "58.51280 | 585128",
            "０.０１６３ | 163",
            "0        | 0"})
    void tenThousandTonnesBecomeTonnes(String wan, long tonnes) throws Exception {
        assertThat(QuantityFormat.TEN_THOUSAND_TONNES.tonnes(wan)).isEqualTo(tonnes);
    }

    @Test
    void tenThousandTonnesFinerThanOneTonneAreUnreadable() {
        assertThatThrownBy(() -> QuantityFormat.TEN_THOUSAND_TONNES.tonnes("58.51285"))
                .isInstanceOf(UnreadableRowException.class)
                .hasMessage("quantity '58.51285' (万吨) is not a whole number of tonnes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "26,323        | 26323",
            "197           | 197",
            "1,234,567     | 1234567",
            "1234567       | 1234567",
            "２６，３２３      | 26323",
            "' 3,000,000 ' | 3000000"})
    void thousandsSeparatorsAreRead(String grouped, long tonnes) throws Exception {
        assertThat(QuantityFormat.GROUPED_TONNES.tonnes(grouped)).isEqualTo(tonnes);
    }

    @Test
    void misplacedThousandsSeparatorsAreUnreadableRatherThanGuessed() {
        // "1,5" is how a decimal comma writes one and a half; it must not become 15 tonnes.
        assertThatThrownBy(() -> QuantityFormat.GROUPED_TONNES.tonnes("1,5"))
                .hasMessage("quantity '1,5' is not a number");
        assertThatThrownBy(() -> QuantityFormat.TONNES.tonnes("26,323"))
                .hasMessage("quantity '26,323' is not a number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"８９２４３０ | 892430", "32235 | 32235", "12.0 | 12", "'  7 ' | 7"})
    void fullWidthDigitsAndBlanksAreRead(String raw, long tonnes) throws Exception {
        assertThat(QuantityFormat.TONNES.tonnes(raw)).isEqualTo(tonnes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.3x                | quantity '12.3x' is not a number",
            "-5                   | quantity '-5' is negative",
            "12.5                 | quantity '12.5' (t) is not a whole number of tonnes",
            "1e3                  | quantity '1e3' is not a number",
            "99999999999999999999 | quantity '99999999999999999999' is too large",
            "''                   | quantity is empty"})
    void anythingElseIsUnreadableWithItsReason(String raw, String reason) {
        assertThatThrownBy(() -> QuantityFormat.TONNES.tonnes(raw))
                .isInstanceOf(UnreadableRowException.class)
                .hasMessage(reason);
    }

    @Test
    void typedNumbersFollowTheSameRules() throws Exception {
        assertThat(QuantityFormat.TONNES.tonnes(new BigDecimal("1048562"), "1048562")).isEqualTo(1048562);
        assertThatThrownBy(() -> QuantityFormat.TONNES.tonnes(new BigDecimal("0.5"), "0.5"))
                .hasMessage("quantity '0.5' (t) is not a whole number of tonnes");
    }

    @Test
    void codesAreTrimmedUpperCasedAndFullWidthNormalised() {
        assertThat(ExportText.code(" １１０１０５１９８００１０１１２３ｘ ")).isEqualTo("11010519800101123X");
        assertThat(ExportText.code("entity")).isEqualTo("ENTITY");
        assertThat(ExportText.name(" 深圳水泥化工集团（第二分厂）有限公司 ")).isEqualTo("深圳水泥化工集团（第二分厂）有限公司");
    }
}
