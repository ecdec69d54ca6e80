package cn.carbonmarket.contracts.party;

import cn.carbonmarket.contracts.InvalidValueException;

/**
 * An organisation's unified social credit code (GB 32100-2015): 18 characters from a 31-letter alphabet
 * (no I, O, S, V, Z), the last being a weighted mod-31 check character over the first 17.
 */
public record UnifiedSocialCreditCode(String code) implements LegalIdentity {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final String FIELD = "creditCode";

    public UnifiedSocialCreditCode {
        code = InvalidValueException.require(FIELD, code).toUpperCase();
        if (code.length() != 18) {
            throw new InvalidValueException(FIELD,
                    "unified social credit code must have 18 characters, got " + code.length());
        }
        char expected = checkCharacter(code);
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                throw new InvalidValueException(FIELD,
                        "unified social credit code positions 3-8 must be an administrative division code");
            }
        }
        if (code.charAt(17) != expected) {
            throw new InvalidValueException(FIELD, "unified social credit code " + code
                    + " fails its checksum (check character should be " + expected + ")");
        }
    }

    public static UnifiedSocialCreditCode parse(String raw) {
        return new UnifiedSocialCreditCode(raw);
    }

    /** The code whose first 17 characters are {@code body}, completed with its check character. */
    public static UnifiedSocialCreditCode completing(String body) {
        String upper = InvalidValueException.require(FIELD, body).toUpperCase();
        if (upper.length() != 17) {
            throw new InvalidValueException(FIELD, "a credit code's body has 17 characters, got " + upper.length());
        }
        return new UnifiedSocialCreditCode(upper + checkCharacter(upper));
    }

    /** The weighted mod-31 check character over the first 17 characters. */
    private static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                throw new InvalidValueException(FIELD, "unified social credit code has an invalid character '"
                        + code.charAt(i) + "' at position " + (i + 1));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String divisionCode() {
        return code.substring(2, 8);
    }

    @Override
    public String toString() {
        return code;
    }
}
