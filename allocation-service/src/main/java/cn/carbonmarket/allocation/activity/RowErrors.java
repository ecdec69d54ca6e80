package cn.carbonmarket.allocation.activity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors found in an upload: every one counted, the first {@link #LISTED} kept for the report, so a file of
 * nothing but errors still gets a short answer.
 */
final class RowErrors {

    static final int LISTED = 1_000;

    private final List<RowError> listed = new ArrayList<>();
    private int total;

    void add(int line, String field, String reason) {
        total++;
        if (listed.size() < LISTED) {
            listed.add(new RowError(line, field, reason));
        }
    }

    int total() {
        return total;
    }

    /** The upload is refused whole if any line is wrong. */
    void throwIfAny() {
        if (total > 0) {
            throw new UploadInvalidException(total,
                    listed.stream().sorted(Comparator.comparingInt(RowError::line)).toList());
        }
    }
}
