package cn.carbonmarket.registry.party.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

    private static final ResidentIdentityNumber PERSON = ResidentIdentityNumber.parse("110105198001011238");

    private static BlindIndex index(String current, String previous) {
        return new BlindIndex(KeyRing.parse("test", current, previous, 32));
    }

    @Test
    void theIndexIsKeyedSoThatTwoRegistriesWithOtherKeysAndAnUnkeyedHashAllDiffer() throws Exception {
        BlindIndex one = index("a:" + "A".repeat(43) + "=", null);
        BlindIndex other = index("b:" + "B".repeat(43) + "=", null);

        assertThat(one.of(PERSON)).isEqualTo(one.of(ResidentIdentityNumber.parse("110105198001011238")));
        assertThat(one.of(PERSON)).isNotEqualTo(other.of(PERSON));
        byte[] unkeyed = MessageDigest.getInstance("SHA-256").digest(PERSON.code().getBytes(StandardCharsets.US_ASCII));
        assertThat(one.of(PERSON)).isNotEqualTo(unkeyed);
    }

    @Test
    void duringARotationTheCandidatesAreTheIndexesUnderEveryKey() {
        String oldKey = "a:" + "A".repeat(43) + "=";
        BlindIndex rotated = index("b:" + "B".repeat(43) + "=", oldKey);

        assertThat(rotated.keyId()).isEqualTo("b");
        assertThat(rotated.candidates(PERSON)).hasSize(2)
                .anySatisfy(i -> assertThat(i).isEqualTo(index(oldKey, null).of(PERSON)))
                .anySatisfy(i -> assertThat(i).isEqualTo(rotated.of(PERSON)));
    }
}
