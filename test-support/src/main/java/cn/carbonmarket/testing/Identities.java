package cn.carbonmarket.testing;

import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh legal identities for tests, so that reruns against the same database never collide. */
public final class Identities {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private Identities() {
    }

    /** A valid credit code registered in the given six-digit division (e.g. 420100 for Wuhan). */
    public static String creditCode(String division) {
        StringBuilder body = new StringBuilder("91").append(division);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            body.append(ALPHABET.charAt(random.nextInt(10 + 8)));
        }
        return UnifiedSocialCreditCode.completing(body.toString()).code();
    }

    /** The same code with its check character changed, so that it fails the checksum. */
    public static String withBadChecksum(String code) {
        char check = code.charAt(17);
        return code.substring(0, 17) + ALPHABET.charAt((ALPHABET.indexOf(check) + 1) % ALPHABET.length());
    }
}
