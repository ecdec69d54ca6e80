package cn.carbonmarket.registry.migration;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM over a file of any size, in segments of {@value #SEGMENT} bytes each sealed on its own: GCM verifies a
 * message only at its end, so one message of a gigabyte would have to be held whole before a byte of it could be
 * trusted. Each segment's nonce is the file's random prefix and the segment's number; its associated data binds the
 * segment to its file (the context), its place and whether it is the last, so segments cannot be moved, dropped,
 * swapped between files or cut off at the end without the read failing.
 *
 * <p>Layout: a random 8-byte nonce prefix, then per segment a last-segment flag, the sealed length and the sealed
 * bytes (ciphertext and 16-byte tag). The last segment may be empty.
 */
final class SegmentedGcm {

    static final int SEGMENT = 64 * 1024;
    private static final int TAG_BITS = 128;
    private static final int PREFIX = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SegmentedGcm(SecretKey key) {
        this.key = key;
    }

    OutputStream sealing(OutputStream sink, byte[] context) throws IOException {
        byte[] prefix = new byte[PREFIX];
        RANDOM.nextBytes(prefix);
        sink.write(prefix);
        return new Sealing(new DataOutputStream(sink), prefix, context);
    }

    InputStream opening(InputStream source, byte[] context) throws IOException {
        DataInputStream in = new DataInputStream(source);
        byte[] prefix = in.readNBytes(PREFIX);
        if (prefix.length != PREFIX) {
            throw new IOException("the spooled file is cut short");
        }
        return new Opening(in, prefix, context);
    }

    private Cipher cipher(int mode, byte[] prefix, byte[] context, int segment, boolean last) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(segment).array();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ByteBuffer.allocate(context.length + 5).put(context).putInt(segment)
                    .put((byte) (last ? 1 : 0)).array());
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private final class Sealing extends FilterOutputStream {

        private final DataOutputStream sink;
        private final byte[] prefix;
        private final byte[] context;
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private int segment;
        private boolean closed;

        Sealing(DataOutputStream sink, byte[] prefix, byte[] context) {
            super(sink);
            this.sink = sink;
            this.prefix = prefix;
            this.context = context;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == SEGMENT) {
                    seal(false);
                }
                int n = Math.min(length, SEGMENT - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            byte[] sealed;
            try {
                sealed = cipher(Cipher.ENCRYPT_MODE, prefix, context, segment++, last).doFinal(buffer, 0, filled);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot seal a spool segment: " + e.getMessage(), e);
            }
            sink.writeBoolean(last);
            sink.writeInt(sealed.length);
            sink.write(sealed);
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                sink.close();
            }
        }
    }

    private final class Opening extends InputStream {

        private final DataInputStream source;
        private final byte[] prefix;
        private final byte[] context;
        private byte[] plain = new byte[0];
        private int position;
        private int segment;
        private boolean ended;

        Opening(DataInputStream source, byte[] prefix, byte[] context) {
            this.source = source;
            this.prefix = prefix;
            this.context = context;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (position == plain.length) {
                if (ended) {
                    return -1;
                }
                open();
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, bytes, offset, n);
            position += n;
            return n;
        }

        private void open() throws IOException {
            boolean last;
            byte[] sealed;
            try {
                last = source.readBoolean();
                int length = source.readInt();
                if (length < 16 || length > SEGMENT + 16) {
                    throw new IOException("a spool segment of " + length + " bytes is not one this service wrote");
                }
                sealed = source.readNBytes(length);
                if (sealed.length != length) {
                    throw new EOFException();
                }
            } catch (EOFException e) {
                throw new IOException("the spooled file is cut short", e);
            }
            try {
                plain = cipher(Cipher.DECRYPT_MODE, prefix, context, segment++, last).doFinal(sealed);
            } catch (GeneralSecurityException e) {
                throw new IOException("a spool segment does not open with the spool key (altered, moved or sealed"
                        + " under another key)", e);
            }
            position = 0;
            ended = last;
            if (last && source.read() >= 0) {
                throw new IOException("the spooled file goes on after its last segment");
            }
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(plain, (byte) 0);
            source.close();
        }
    }
}
