package cn.carbonmarket.registry.migration.export;

import java.util.List;

/** How the rows of a tabular export (delimited text or a worksheet) become holdings, once its header is known. */
@FunctionalInterface
interface TabularLayout {

    RowMapper bind(Columns header) throws ExportFormatException;

    @FunctionalInterface
    interface RowMapper {
        HoldingLine holding(int line, List<String> fields) throws UnreadableRowException;
    }
}
