package cn.carbonmarket.registry.migration.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tabular export's header: columns are found by name, so a pilot reordering its columns changes nothing. */
final class Columns {

    private final String file;
    private final List<String> names;
    private final Map<String, Integer> indexByName = new HashMap<>();

    private Columns(String file, List<String> names) {
        this.file = file;
        this.names = List.copyOf(names);
        for (int i = names.size() - 1; i >= 0; i--) {
            indexByName.put(ExportText.code(names.get(i)), i);
        }
    }

    /** Header names are compared normalised: "持有量（万吨）" finds "持有量(万吨)", "balance" finds "BALANCE". */
    static Columns of(String file, List<String> names) {
        return new Columns(file, names);
    }

    int width() {
        return names.size();
    }

    boolean has(String name) {
        return indexByName.containsKey(ExportText.code(name));
    }

    int indexOf(String name) throws ExportFormatException {
        Integer index = indexByName.get(ExportText.code(name));
        if (index == null) {
            throw new ExportFormatException(file + ": the header has no column '" + name + "'; it has " + names);
        }
        return index;
    }
}
