package dev.dbtool.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without blocking a thread, up to {@code max} bytes: when no content is there yet it asks to be
 * called again once some arrives. Past the limit it stops reading and reports {@link TooLarge}.
 */
final class BodyReader implements Runnable {
    /** The body is larger than the limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() { super("request body too large", null, false, false); }
    }

    private final Content.Source source;
    private final int max;
    private final BiConsumer<byte[], Throwable> done;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    BodyReader(Content.Source source, int max, BiConsumer<byte[], Throwable> done) {
        this.source = source;
        this.max = max;
        this.done = done;
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                done.accept(null, chunk.getFailure());
                return;
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            boolean last = chunk.isLast();
            if (body.size() + buffer.remaining() > max) {
                chunk.release();
                done.accept(null, new TooLarge());
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            body.write(bytes, 0, bytes.length);
            chunk.release();
            if (last) {
                done.accept(body.toByteArray(), null);
                return;
            }
        }
    }
}
