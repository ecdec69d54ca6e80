package cn.carbonmarket.registry.migration.export;

import java.io.IOException;

/** The file as a whole is not the export it should be (not a workbook, header without a needed column, bad XML). */
public class ExportFormatException extends IOException {

    public ExportFormatException(String message) {
        super(message);
    }

    public ExportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
