package cn.carbonmarket.contracts.party;

import cn.carbonmarket.contracts.InvalidValueException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A natural person's resident identity number (GB 11643-1999): six-digit division code, birth date YYYYMMDD,
 * three-digit sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public record ResidentIdentityNumber(String code) implements LegalIdentity {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    public static final String FIELD = "residentId";

    public ResidentIdentityNumber {
        code = InvalidValueException.require(FIELD, code).toUpperCase();
        if (!code.matches("\\d{17}[\\dX]")) {
            throw new InvalidValueException(FIELD, "resident id must be 17 digits and a check digit or X");
        }
        try {
            LocalDate.of(Integer.parseInt(code.substring(6, 10)), Integer.parseInt(code.substring(10, 12)),
                    Integer.parseInt(code.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidValueException(FIELD, "resident id has no valid birth date at positions 7-14");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (code.charAt(i) - '0') * WEIGHTS[i];
        }
        char expected = CHECK.charAt(sum % 11);
        if (code.charAt(17) != expected) {
            throw new InvalidValueException(FIELD,
                    "resident id fails its checksum (check character should be " + expected + ")");
        }
    }

    public static ResidentIdentityNumber parse(String raw) {
        return new ResidentIdentityNumber(raw);
    }

    @Override
    public String divisionCode() {
        return code.substring(0, 6);
    }

    /** Only the region and the check character: resident ids are personal data and stay out of logs and events. */
    public String masked() {
        return code.substring(0, 6) + "*".repeat(11) + code.charAt(17);
    }

    @Override
    public String toString() {
        return masked();
    }
}
