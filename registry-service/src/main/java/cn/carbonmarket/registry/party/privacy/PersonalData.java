package cn.carbonmarket.registry.party.privacy;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.LegalIdentity;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * How a party's name and legal identity are kept. In the clear only what every view shows: an organisation's name
 * and credit code (public: the national enterprise credit register publishes both), a natural person's masked name
 * and masked resident id. A person's full name and resident id are sealed ({@link FieldCipher}); every identity is
 * found through its blind index ({@link BlindIndex}).
 */
@ApplicationScoped
public class PersonalData {

    private static final String NAME = "name";
    private static final String IDENTITY = "identity";

    private final BlindIndex index;
    private final FieldCipher cipher;

    public PersonalData(BlindIndex index, FieldCipher cipher) {
        this.index = index;
        this.cipher = cipher;
    }

    /** A party's name and identity as its row keeps them; the sealed fields and their key are null for an organisation. */
    public record Kept(String name, String identityShown, byte[] identityIndex, String indexedWith,
                       byte[] identitySealed, byte[] nameSealed, String sealedWith) {
    }

    /** A party's name and identity in full. */
    public record InFull(String name, String identity) {
    }

    public Kept keep(UUID party, PartyType type, String name, LegalIdentity identity) {
        byte[] indexed = index.of(identity);
        if (type.isOrganisation()) {
            return new Kept(name, identity.code(), indexed, index.keyId(), null, null, null);
        }
        String owner = party.toString();
        return new Kept(MaskedName.of(name, type), ((ResidentIdentityNumber) identity).masked(), indexed,
                index.keyId(), cipher.seal(owner, IDENTITY, identity.code()), cipher.seal(owner, NAME, name),
                cipher.keyId());
    }

    /** The name and identity of a kept party in full: an organisation's as they are, a person's unsealed. */
    public InFull inFull(UUID party, PartyType type, String name, String identityShown, byte[] identitySealed,
                         byte[] nameSealed, String sealedWith) {
        if (type.isOrganisation()) {
            return new InFull(name, identityShown);
        }
        String owner = party.toString();
        return new InFull(cipher.open(sealedWith, owner, NAME, nameSealed),
                cipher.open(sealedWith, owner, IDENTITY, identitySealed));
    }

    /** The legal identity of a party kept in full. */
    public static LegalIdentity identity(PartyType type, String code) {
        return type.isOrganisation() ? UnifiedSocialCreditCode.parse(code) : ResidentIdentityNumber.parse(code);
    }

    /** A resident id or credit code, whichever the code is valid as (the index is of the code either way). */
    public static LegalIdentity identity(String code) {
        try {
            return ResidentIdentityNumber.parse(code);
        } catch (InvalidValueException notAResidentId) {
            return UnifiedSocialCreditCode.parse(code);
        }
    }

    /** The identity's blind index under each configured key (a lookup during a rotation). */
    public List<byte[]> candidates(LegalIdentity identity) {
        return index.candidates(identity);
    }

    /** The ids of the current keys: a row indexed or sealed under another is re-keyed (party.PersonalDataRekeying). */
    public String indexKeyId() {
        return index.keyId();
    }

    public String sealKeyId() {
        return cipher.keyId();
    }
}
