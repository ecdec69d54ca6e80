package cn.carbonmarket.registry.party.privacy;

import cn.carbonmarket.contracts.party.PartyType;

/**
 * A party's name as it is stored in the clear and shown: an organisation's as registered (its name is public), a
 * natural person's masked like its resident id, since both are personal data: the first character kept, every other
 * one but spaces starred ("张勇" as "张*", "Li Wei" as "L* ***"). The full name is sealed ({@link FieldCipher}).
 */
public final class MaskedName {

    private MaskedName() {
    }

    public static String of(String name, PartyType type) {
        if (type.isOrganisation() || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        StringBuilder masked = new StringBuilder(name.substring(0, first));
        name.substring(first).codePoints().forEach(c -> masked.append(Character.isWhitespace(c) ? ' ' : '*'));
        return masked.toString();
    }
}
