package cn.carbonmarket.allocation.activity;

import java.util.List;

/** An upload with at least one wrong line: nothing of it is recorded, and the client gets every line to fix. */
class UploadInvalidException extends RuntimeException {

    private final int total;
    private final List<RowError> errors;

    UploadInvalidException(int total, List<RowError> errors) {
        super(total + (total == 1 ? " line" : " lines") + " of the upload cannot be recorded; nothing was recorded");
        this.total = total;
        this.errors = errors;
    }

    int total() {
        return total;
    }

    List<RowError> errors() {
        return errors;
    }
}
