package cn.carbonmarket.allocation.report;

import java.util.List;

/** An upload with at least one wrong report: none of it is recorded, and the client gets every report's errors. */
class ReportUploadInvalidException extends RuntimeException {

    private final int total;
    private final List<ItemError> errors;

    ReportUploadInvalidException(int total, List<ItemError> errors) {
        super(total + (total == 1 ? " error" : " errors") + " in the upload; no report was recorded");
        this.total = total;
        this.errors = List.copyOf(errors);
    }

    int total() {
        return total;
    }

    List<ItemError> errors() {
        return errors;
    }
}
