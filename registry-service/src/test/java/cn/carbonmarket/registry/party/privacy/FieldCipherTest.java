package cn.carbonmarket.registry.party.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String OLD = "k1:AAECAwQFBgcICQoLDA0ODw==";
    private static final String NEW = "k2:EBESExQVFhcYGRobHB0eHw==";

    private static FieldCipher cipher(String current, String previous) {
        return new FieldCipher(KeyRing.parse("test", current, previous, FieldCipher.KEY_BYTES));
    }

    @Test
    void aSealedValueOpensOnlyForItsOwnerAndFieldAndHidesThePlaintext() {
        FieldCipher cipher = cipher(NEW, null);
        byte[] sealed = cipher.seal("party-1", "identity", "110105198001011238");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("110105198001011238");
        assertThat(cipher.seal("party-1", "identity", "110105198001011238")).isNotEqualTo(sealed);
        assertThat(cipher.open("k2", "party-1", "identity", sealed)).isEqualTo("110105198001011238");
        assertThatThrownBy(() -> cipher.open("k2", "party-2", "identity", sealed)).hasMessageContaining("does not open");
        assertThatThrownBy(() -> cipher.open("k2", "party-1", "name", sealed)).hasMessageContaining("does not open");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open("k2", "party-1", "identity", sealed)).hasMessageContaining("does not open");
    }

    @Test
    void aValueSealedUnderThePreviousKeyStillOpensAndNewOnesUseTheCurrent() {
        byte[] old = cipher(OLD, null).seal("p", "name", "李伟");
        FieldCipher rotated = cipher(NEW, OLD);

        assertThat(rotated.open("k1", "p", "name", old)).isEqualTo("李伟");
        assertThat(rotated.keyId()).isEqualTo("k2");
        assertThatThrownBy(() -> rotated.open("k2", "p", "name", old)).hasMessageContaining("does not open");
        assertThatThrownBy(() -> cipher(NEW, null).open("k1", "p", "name", old)).hasMessageContaining("no key k1");
    }

    @Test
    void keysAreCheckedWhenConfigured() {
        assertThatThrownBy(() -> cipher("AAECAwQFBgcICQoLDA0ODw==", null)).hasMessageContaining("id:base64");
        assertThatThrownBy(() -> cipher("k1:AAEC", null)).hasMessageContaining("must be 16 bytes");
        assertThatThrownBy(() -> cipher(NEW, "k2:AAECAwQFBgcICQoLDA0ODw==")).hasMessageContaining("given twice");
    }
}
