package cn.carbonmarket.registry.migration.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A million-row export must fit the import's 60 s budget with room to spare. The rows are made on the fly, so the
 * test itself holds no file; all rows are distinct, so any duplicate reported would be a fingerprint collision.
 */
class LargeExportReaderTest {

    private static final int ROWS = 1_000_000;
    private static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * Beijing's format (GB18030, a quoted name now and then, full-width quantities now and then), row after row. The
     * Chinese parts are encoded once so that making the rows costs far less than reading them.
     */
    private static final class GeneratedBeijingExport extends InputStream {

        private static final byte[] HEADER = gb18030("账户号,账户名称,主体类型,证件号码,开户日期,产品,年度,持有数量\r\n");
        private static final byte[] HOLDER = gb18030(",北京热电水泥集团有限公司,重点排放单位,91110000A07D42F2AG,2016年8月12日,BEA,");
        private static final byte[] QUOTED_HOLDER =
                gb18030(",\"北京能源(第二分厂),有限公司\",重点排放单位,91110000A07D42F2AG,2016年8月12日,BEA,");
        private static final byte[] FULL_WIDTH_QUANTITY = gb18030("８９２４３０");
        private static final byte[] LINE_END = {'\r', '\n'};

        private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);
        private byte[] bytes = HEADER;
        private int row;
        private int at;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (at == bytes.length) {
                if (row == ROWS) {
                    return -1;
                }
                bytes = line(row++);
                at = 0;
            }
            int n = Math.min(length, bytes.length - at);
            System.arraycopy(bytes, at, buffer, offset, n);
            at += n;
            return n;
        }

        /** Account row / 6 holds vintages 2019 to 2024, so no two rows are alike. */
        private byte[] line(int row) {
            current.reset();
            current.writeBytes(ascii("BJ" + (1_000_000 + row / 6)));
            current.writeBytes(row % 20 == 0 ? QUOTED_HOLDER : HOLDER);
            current.writeBytes(ascii((2019 + row % 6) + ","));
            current.writeBytes(row % 20 == 1 ? FULL_WIDTH_QUANTITY : ascii(Integer.toString(row % 3_000_000)));
            current.writeBytes(LINE_END);
            return current.toByteArray();
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] gb18030(String text) {
            return text.getBytes(GB18030);
        }
    }

    @Test
    void readsAMillionRowsInAFewSeconds() throws Exception {
        AtomicLong holdings = new AtomicLong();
        AtomicLong others = new AtomicLong();
        long started = System.nanoTime();

        PilotExportReaders.forPilot(Pilot.BJ).read("big.csv", new GeneratedBeijingExport(),
                line -> (line instanceof HoldingLine ? holdings : others).incrementAndGet());

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("read " + ROWS + " Beijing rows in " + took.toMillis() + " ms");
        assertThat(holdings.get()).isEqualTo(ROWS);
        assertThat(others.get()).isZero();
        // Generous, so that a shared build machine under load passes too; the budget above is what matters.
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }
}
