package cn.carbonmarket.registry.sql;

import java.util.ArrayList;
import java.util.List;

/** Consecutive slices of a list (views, not copies), for writing a large list a bounded piece at a time. */
public final class Chunks {

    private Chunks() {
    }

    public static <T> List<List<T>> of(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}
