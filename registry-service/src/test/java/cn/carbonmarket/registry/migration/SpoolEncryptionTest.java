package cn.carbonmarket.registry.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.registry.migration.export.HoldingLine;
import cn.carbonmarket.registry.migration.export.PilotSample;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Uploads wait for their job encrypted: the spool never holds an export's identity numbers or names in the clear. */
@QuarkusTest
class SpoolEncryptionTest {

    @Inject
    Spool spool;

    @Test
    void theSpooledFileHoldsNoIdentityNumberOrNameOfTheUpload() throws IOException {
        PilotSample sample = PilotSample.TJ;
        HoldingLine holder = sample.lines().stream().filter(HoldingLine.class::isInstance)
                .map(HoldingLine.class::cast).findFirst().orElseThrow();
        assertThat(new String(sample.export(), sample.charset())).contains(holder.identityCode());
        UUID job = UUID.randomUUID();
        Path uploaded = Files.write(Files.createTempFile("upload", ".csv"), sample.export());

        spool.keep(job, List.of(new MigrationUpload.ExportFile(sample.file(), uploaded)));

        byte[] stored = Files.readAllBytes(spool.folder(job).resolve(sample.file()));
        assertThat(uploaded).as("the server's plaintext copy is gone").doesNotExist();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(holder.identityCode())
                .doesNotContain(new String(holder.holderName().getBytes(sample.charset()),
                        StandardCharsets.ISO_8859_1));
        try (InputStream in = spool.open(job, sample.file())) {
            assertThat(in.readAllBytes()).isEqualTo(sample.export());
        }
        spool.delete(job);
        assertThat(spool.folder(job)).doesNotExist();
    }

    @Test
    void aLargeUploadReadsBackWholeAndAnAlteredOrCutFileDoesNotRead() throws IOException {
        byte[] large = new byte[3 * SegmentedGcm.SEGMENT + 123];
        new Random(7).nextBytes(large);
        UUID job = UUID.randomUUID();
        spool.keep(job, List.of(new MigrationUpload.ExportFile("large.csv",
                Files.write(Files.createTempFile("upload", ".csv"), large))));
        Path stored = spool.folder(job).resolve("large.csv");
        try (InputStream in = spool.open(job, "large.csv")) {
            assertThat(in.readAllBytes()).isEqualTo(large);
        }
        byte[] sealed = Files.readAllBytes(stored);

        sealed[SegmentedGcm.SEGMENT + 100] ^= 1;
        Files.write(stored, sealed);
        assertThatThrownBy(() -> readAll(job, "large.csv")).isInstanceOf(IOException.class);

        sealed[SegmentedGcm.SEGMENT + 100] ^= 1;
        Files.write(stored, java.util.Arrays.copyOf(sealed, sealed.length - 200));
        assertThatThrownBy(() -> readAll(job, "large.csv")).isInstanceOf(IOException.class);

        Files.write(stored, sealed);
        Files.move(stored, spool.folder(job).resolve("other.csv"));
        assertThatThrownBy(() -> readAll(job, "other.csv")).as("sealed to its file name").isInstanceOf(IOException.class);
        spool.delete(job);
    }

    private void readAll(UUID job, String file) throws IOException {
        try (InputStream in = spool.open(job, file)) {
            in.readAllBytes();
        }
    }
}
