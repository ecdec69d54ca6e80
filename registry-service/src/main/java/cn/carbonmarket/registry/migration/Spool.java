package cn.carbonmarket.registry.migration;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where uploads wait for their job: a folder per job under {@code market.migration.spool-directory}, each export
 * file encrypted at rest (AES-256-GCM in segments, {@link SegmentedGcm}) under the key {@code registry.spool.key}, so
 * that the holders' identity numbers and names in a pilot's export are never on the volume in the clear. A job's
 * folder goes when the job ends.
 */
@ApplicationScoped
class Spool {

    private static final Logger LOG = Logger.getLogger(Spool.class);

    private final Path root;
    private final SegmentedGcm gcm;

    Spool(MigrationConfig config, @ConfigProperty(name = "registry.spool.key") String key) {
        this.root = config.spoolDirectory();
        byte[] bytes = Base64.getDecoder().decode(key.strip());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("registry.spool.key must be 32 bytes (AES-256), base64; it has "
                    + bytes.length);
        }
        this.gcm = new SegmentedGcm(new SecretKeySpec(bytes, "AES"));
    }

    /** Encrypts the upload's files into the job's folder and deletes the plaintext the HTTP server left. */
    void keep(UUID job, List<MigrationUpload.ExportFile> files) {
        Path folder = folder(job);
        try {
            Files.createDirectories(folder);
            for (MigrationUpload.ExportFile file : files) {
                try (InputStream in = Files.newInputStream(file.path());
                     OutputStream out = gcm.sealing(new BufferedOutputStream(
                             Files.newOutputStream(folder.resolve(file.name())), SegmentedGcm.SEGMENT),
                             context(job, file.name()))) {
                    in.transferTo(out);
                }
                Files.delete(file.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the upload for its job in " + folder, e);
        }
    }

    /** One file of the job's upload, decrypted as it is read. */
    InputStream open(UUID job, String file) throws IOException {
        return new BufferedInputStream(gcm.opening(new BufferedInputStream(Files.newInputStream(folder(job)
                .resolve(file)), SegmentedGcm.SEGMENT), context(job, file)), SegmentedGcm.SEGMENT);
    }

    /** Whether this instance can read every file of the job's upload (another's local disk it cannot). */
    boolean readable(UUID job, List<String> files) {
        return files.stream().allMatch(file -> Files.isReadable(folder(job).resolve(file)));
    }

    void delete(UUID job) {
        Path folder = folder(job);
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("cannot remove the spooled upload of migration job %s: %s", job, e.getMessage());
        }
    }

    Path folder(UUID job) {
        return root.resolve(job.toString());
    }

    /** A file is sealed to its job and name: it cannot be passed off as another job's or file's. */
    private static byte[] context(UUID job, String file) {
        return (job + "/" + file).getBytes(StandardCharsets.UTF_8);
    }
}
