package io.alchemiser.s3;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real backend and injects a crash into the middle of chosen writes: the backend receives the first
 * {@code bytesBeforeCrash} bytes of the content, then the content stream fails as a dying disk or a killed encoder
 * would. Everything else goes straight to the backend. Also counts reads.
 */
class CrashingStorage implements BlobStorage {
    private final BlobStorage delegate;
    private final Set<String> crashKeys = ConcurrentHashMap.newKeySet();
    private final int bytesBeforeCrash;
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger bytesWrittenBeforeCrash = new AtomicInteger();

    CrashingStorage(BlobStorage delegate, int bytesBeforeCrash) {
        this.delegate = delegate;
        this.bytesBeforeCrash = bytesBeforeCrash;
    }

    CrashingStorage crashOn(String key) {
        crashKeys.add(key);
        return this;
    }

    @Override
    public Optional<Versioned> readVersioned(String key) {
        reads.incrementAndGet();
        return delegate.readVersioned(key);
    }

    @Override
    public void write(String key, Content content, Condition condition) {
        if (!crashKeys.contains(key)) {
            delegate.write(key, content, condition);
            return;
        }
        delegate.write(key, out -> content.writeTo(new FilterOutputStream(out) {
            private int written;

            @Override
            public void write(int b) throws IOException {
                check(1);
                out.write(b);
                written++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int allowed = Math.min(len, bytesBeforeCrash - written);
                if (allowed > 0) {
                    out.write(b, off, allowed);
                    written += allowed;
                    bytesWrittenBeforeCrash.set(written);
                }
                check(len - allowed);
                out.write(b, off + allowed, len - allowed);
            }

            private void check(int more) throws IOException {
                if (more > 0 && written + more > bytesBeforeCrash) {
                    throw new IOException("injected crash after " + written + " bytes");
                }
            }
        }), condition);
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public String locate(String key) {
        return delegate.locate(key);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
