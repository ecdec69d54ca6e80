package cn.carbonmarket.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Chunks of groups: every row once, in order, no group split, no chunk over the size unless one group is. */
class ColumnBatchTest {

    @Provide
    Arbitrary<List<List<Integer>>> groups() {
        return Arbitraries.integers().between(1, 12).list().ofMaxSize(60).map(sizes -> {
            List<List<Integer>> groups = new ArrayList<>();
            int next = 0;
            for (int size : sizes) {
                List<Integer> group = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    group.add(next++);
                }
                groups.add(group);
            }
            return groups;
        });
    }

    @Property(tries = 500)
    void chunksHoldWholeGroupsInOrder(@ForAll("groups") List<List<Integer>> groups,
                                      @ForAll @IntRange(min = 1, max = 20) int size) {
        List<List<Integer>> chunks = ColumnBatch.chunksOfGroups(groups, size);

        assertThat(chunks.stream().flatMap(List::stream).toList())
                .isEqualTo(groups.stream().flatMap(List::stream).toList());
        for (List<Integer> chunk : chunks) {
            assertThat(chunk).isNotEmpty();
            List<List<Integer>> inChunk = groups.stream().filter(g -> chunk.contains(g.get(0))).toList();
            assertThat(inChunk.stream().flatMap(List::stream).toList()).isEqualTo(chunk);
            assertThat(chunk.size() <= size || inChunk.size() == 1).isTrue();
        }
        // Greedy: a chunk is closed only when the next group would not fit in it.
        for (int i = 0; i + 1 < chunks.size(); i++) {
            List<Integer> following = chunks.get(i + 1);
            List<Integer> nextGroup = groups.stream().filter(g -> g.get(0).equals(following.get(0))).findFirst()
                    .orElseThrow();
            assertThat(chunks.get(i).size() + nextGroup.size()).isGreaterThan(size);
        }
    }
}
