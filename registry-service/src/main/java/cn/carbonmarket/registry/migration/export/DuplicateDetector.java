package cn.carbonmarket.registry.migration.export;

/**
 * Remembers the records of one file by a 64-bit fingerprint, not their text, so a million-row export costs about
 * 24 MB. Two different records share a fingerprint with a probability near n²/2^65 (3e-8 for a million rows), and
 * such a miss would still show in the reconciliation against the pilot's control totals.
 */
final class DuplicateDetector {

    private static final long EMPTY = 0;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long[] fingerprints = new long[1 << 12];
    private int[] lines = new int[1 << 12];
    private int size;

    /** The line of an earlier identical record, or 0 when this is the first one (which is then remembered). */
    int earlierLineOf(CharSequence record, int line) {
        long fingerprint = fingerprint(record);
        int slot = indexOf(fingerprint, fingerprints);
        if (fingerprints[slot] == fingerprint) {
            return lines[slot];
        }
        fingerprints[slot] = fingerprint;
        lines[slot] = line;
        if (++size * 2 > fingerprints.length) {
            grow();
        }
        return 0;
    }

    /** FNV-1a over the UTF-16 chars, then MurmurHash3's finaliser so every bit depends on every char. */
    static long fingerprint(CharSequence record) {
        long h = FNV_OFFSET;
        for (int i = 0; i < record.length(); i++) {
            h = (h ^ record.charAt(i)) * FNV_PRIME;
        }
        h ^= record.length();
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    /** Open addressing with linear probing: the slot holding the fingerprint, or the empty slot where it belongs. */
    private static int indexOf(long fingerprint, long[] table) {
        int mask = table.length - 1;
        int slot = (int) fingerprint & mask;
        while (table[slot] != EMPTY && table[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldLines = lines;
        fingerprints = new long[oldFingerprints.length * 2];
        lines = new int[oldLines.length * 2];
        for (int i = 0; i < oldFingerprints.length; i++) {
            if (oldFingerprints[i] != EMPTY) {
                int slot = indexOf(oldFingerprints[i], fingerprints);
                fingerprints[slot] = oldFingerprints[i];
                lines[slot] = oldLines[i];
            }
        }
    }
}
