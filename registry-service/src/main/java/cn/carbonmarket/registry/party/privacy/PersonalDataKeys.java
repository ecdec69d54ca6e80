package cn.carbonmarket.registry.party.privacy;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys of the parties' personal data, from configuration (in production from a Secret through the environment;
 * the database never holds them): the blind index's HMAC key (32 bytes) and the field cipher's SM4 key (16 bytes),
 * each {@code id:base64}, with earlier keys still read during a rotation (party.PersonalDataRekeying).
 */
@Singleton
public class PersonalDataKeys {

    private static final String INDEX_KEY = "registry.identity.blind-index-key";
    private static final String FIELD_KEY = "registry.personal-data.key";

    @Produces
    @Singleton
    BlindIndex blindIndex(@ConfigProperty(name = INDEX_KEY) String current,
                          @ConfigProperty(name = "registry.identity.previous-blind-index-keys", defaultValue = " ")
                          String previous) {
        return new BlindIndex(KeyRing.parse(INDEX_KEY, current, previous, 32));
    }

    @Produces
    @Singleton
    FieldCipher fieldCipher(@ConfigProperty(name = FIELD_KEY) String current,
                            @ConfigProperty(name = "registry.personal-data.previous-keys", defaultValue = " ")
                            String previous) {
        return new FieldCipher(KeyRing.parse(FIELD_KEY, current, previous, FieldCipher.KEY_BYTES));
    }
}
