package cn.carbonmarket.contracts.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.InvalidValueException;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LegalIdentityTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Test
    void acceptsValidCreditCode() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse("91420100714680123L");
        assertThat(code.divisionCode()).isEqualTo("420100");
        assertThat(Region.ofDivisionCode(code.divisionCode())).contains(Region.HB);
    }

    @Test
    void normalisesLowerCase() {
        assertThat(UnifiedSocialCreditCode.parse("91310000ma1fl0789j").code()).isEqualTo("91310000MA1FL0789J");
    }

    @Test
    void rejectsCreditCodeWithWrongCheckCharacter() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91420100714680123M"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unified social credit code 91420100714680123M fails its checksum (check character should be L)");
    }

    @Test
    void rejectsCreditCodeWithLettersOutsideTheAlphabetOrWrongLength() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("9142010071468012IL"))
                .hasMessageContaining("invalid character 'I' at position 17");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("9142"))
                .hasMessage("unified social credit code must have 18 characters, got 4");
    }

    @Test
    void completingABodyOf17CharactersAddsItsCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.completing("91420100714680123").code()).isEqualTo("91420100714680123L");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.completing("9142010071468012"))
                .hasMessage("a credit code's body has 17 characters, got 16");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.completing("9142010071468012I"))
                .hasMessageContaining("invalid character 'I' at position 17");
    }

    @Test
    void acceptsValidResidentIdAndMasksIt() {
        ResidentIdentityNumber id = ResidentIdentityNumber.parse("110105198001011238");
        assertThat(id.masked()).isEqualTo("110105***********8");
        assertThat(id.toString()).doesNotContain("19800101");
    }

    @Test
    void rejectsResidentIdWithBadChecksumOrDate() {
        assertThatThrownBy(() -> ResidentIdentityNumber.parse("110105198001011239"))
                .hasMessageContaining("fails its checksum (check character should be 8)");
        assertThatThrownBy(() -> ResidentIdentityNumber.parse("110105198013011238"))
                .hasMessageContaining("no valid birth date");
    }

    @Test
    void partyIdsAreRandomAndTimeOrdered() {
        Instant at = Instant.parse("2025-06-01T08:00:00Z");
        PartyId first = PartyId.newAt(at);
        PartyId second = PartyId.newAt(at);
        assertThat(first).isNotEqualTo(second);
        assertThat(first.value().version()).isEqualTo(7);
        assertThat(first.value().getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(PartyId.newAt(at.plusMillis(1)).value().toString()).isGreaterThan(second.value().toString());
        assertThat(AccountId.holdingOf(first).value()).isEqualTo("HOLDING-" + first.value());
    }

    @Test
    void rejectsUnknownPartyTypeAndRegion() {
        assertThatThrownBy(() -> PartyType.parse("BANK")).hasMessageStartingWith("unknown party type 'BANK'");
        assertThatThrownBy(() -> Region.parse("ZZ")).hasMessageStartingWith("unknown region 'ZZ'");
        assertThat(Region.parse("hb")).isEqualTo(Region.HB);
    }

    @Property
    void everyCodeWithItsComputedCheckIsValidAndAnyOtherCheckIsNot(@ForAll("bodies") String body) {
        int sum = 0;
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * w[i];
        }
        char check = ALPHABET.charAt((31 - sum % 31) % 31);
        assertThat(UnifiedSocialCreditCode.parse(body + check).code()).isEqualTo(body + check);
        assertThat(UnifiedSocialCreditCode.completing(body).code()).isEqualTo(body + check);
        char wrong = ALPHABET.charAt((ALPHABET.indexOf(check) + 7) % 31);
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(body + wrong)).isInstanceOf(InvalidValueException.class);
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> head = Arbitraries.of("91", "92", "93", "12", "51");
        Arbitrary<String> division = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> org = Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofLength(9);
        return net.jqwik.api.Combinators.combine(head, division, org).as((h, d, o) -> h + d + o);
    }
}
