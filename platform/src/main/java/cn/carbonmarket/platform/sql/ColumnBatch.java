package cn.carbonmarket.platform.sql;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One statement for many rows, each column travelling as one array parameter ($1 the first column's values, $2 the
 * second's, ...) that the statement reads with {@code unnest}. A chunk of rows costs one round trip and one
 * statement execution, where executeBatch costs one execution per row: this is what lets a registry migration write
 * hundreds of thousands of rows in seconds and a batch of cleared trades its entries in a handful of statements, and
 * the same statement serves a single row.
 *
 * @param <T> what a row is made from
 */
public final class ColumnBatch<T> {

    /** Rows per statement: large enough to amortise the round trip, small enough to keep a chunk's arrays modest. */
    private static final int CHUNK = 10_000;

    private record Column<T>(Class<?> type, Function<T, ?> value) {
    }

    private final List<Column<T>> columns = new ArrayList<>();

    /** The next parameter: {@code type} is the Java element type the client maps to the SQL array (String, Long, ...). */
    public ColumnBatch<T> column(Class<?> type, Function<T, ?> value) {
        columns.add(new Column<>(type, value));
        return this;
    }

    public Uni<Void> execute(SqlClient sql, String statement, List<T> rows) {
        return query(sql, statement, rows).replaceWithVoid();
    }

    /**
     * For statements that aggregate their rows by group (a journal entry from its transfers, say): a chunk never
     * splits a group, so each group's rows reach the statement together (a group larger than a chunk goes alone).
     */
    public Uni<Void> executeGroups(SqlClient sql, String statement, List<List<T>> groups) {
        return executeEach(sql, statement, chunksOfGroups(groups, CHUNK)).collect().last().replaceWithVoid();
    }

    /** For statements with a {@code returning} clause: the rows every chunk returned, in order. */
    public Uni<List<Row>> query(SqlClient sql, String statement, List<T> rows) {
        return executeEach(sql, statement, chunks(rows, CHUNK))
                .onItem().transformToIterable(result -> {
                    List<Row> returned = new ArrayList<>(result.size());
                    result.forEach(returned::add);
                    return returned;
                })
                .collect().asList();
    }

    /** The statement once per chunk, one after the other. */
    private Multi<RowSet<Row>> executeEach(SqlClient sql, String statement, List<List<T>> chunks) {
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> sql.preparedQuery(statement).execute(parameters(chunk)));
    }

    /** Consecutive slices of the rows, {@code size} each but the last (views, not copies). */
    public static <T> List<List<T>> chunks(List<T> rows, int size) {
        List<List<T>> chunks = new ArrayList<>((rows.size() + size - 1) / size);
        for (int from = 0; from < rows.size(); from += size) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
        }
        return chunks;
    }

    /** The groups' rows in order, in chunks of at most {@code size} rows that each hold whole groups. */
    static <T> List<List<T>> chunksOfGroups(List<List<T>> groups, int size) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> chunk = new ArrayList<>();
        for (List<T> group : groups) {
            if (!chunk.isEmpty() && chunk.size() + group.size() > size) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
            chunk.addAll(group);
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private Tuple parameters(List<T> chunk) {
        List<Object> arrays = new ArrayList<>(columns.size());
        for (Column<T> column : columns) {
            Object array = Array.newInstance(column.type(), chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                Array.set(array, i, column.value().apply(chunk.get(i)));
            }
            arrays.add(array);
        }
        return Tuple.tuple(arrays);
    }
}
