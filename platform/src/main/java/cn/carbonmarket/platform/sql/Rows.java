package cn.carbonmarket.platform.sql;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A query's rows mapped to what a store returns. */
public final class Rows {

    private Rows() {
    }

    /** The first row mapped, or empty when the query found none. */
    public static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> map) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map.apply(rows.iterator().next()));
    }

    /** Every row mapped, in the query's order. */
    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
        List<T> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(map.apply(row)));
        return list;
    }
}
