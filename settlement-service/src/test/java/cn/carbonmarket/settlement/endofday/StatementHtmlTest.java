package cn.carbonmarket.settlement.endofday;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StatementHtmlTest {

    @Test
    void markupIsEscaped() {
        assertThat(StatementHtml.escape("<a href='x'>\"&\"</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    }

    @Test
    void fenAreShownAsYuanWithTwoDecimals() {
        assertThat(StatementHtml.yuan(0)).isEqualTo("0.00");
        assertThat(StatementHtml.yuan(5)).isEqualTo("0.05");
        assertThat(StatementHtml.yuan(-211_058)).isEqualTo("-2110.58");
        assertThat(StatementHtml.yuan(Long.MIN_VALUE + 1)).isEqualTo("-92233720368547758.07");
    }

    @Property
    void yuanReadBackIsTheSameFen(@ForAll long fen) {
        // Long.MIN_VALUE has no positive counterpart; the ledger's amounts never reach it.
        long amount = fen == Long.MIN_VALUE ? fen + 1 : fen;
        assertThat(new BigDecimal(StatementHtml.yuan(amount)).movePointRight(2).longValueExact()).isEqualTo(amount);
    }
}
