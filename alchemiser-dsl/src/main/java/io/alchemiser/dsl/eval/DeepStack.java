package io.alchemiser.dsl.eval;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Runs an evaluation whose recursion follows a deep tree on a thread with a stack to match, so no symphony
 * overflows the stack (the corpus nests 288 levels; tests use 3,000). Shallow trees run on the caller's thread.
 */
final class DeepStack {
    /** Trees up to this depth evaluate on the calling thread, whatever its stack size. */
    static final int INLINE_DEPTH = 48;
    private static final long BYTES_PER_LEVEL = 16 * 1024;
    private static final long MIN_STACK = 16L * 1024 * 1024;
    private static final long MAX_STACK = 1024L * 1024 * 1024;

    private DeepStack() {
    }

    /** {@code work.get()}, on a thread with room for {@code depth} levels of the tree when it is deep. */
    static <T> T call(int depth, Supplier<T> work) {
        if (depth <= INLINE_DEPTH) {
            return work.get();
        }
        long stack = Math.min(MAX_STACK, Math.max(MIN_STACK, depth * BYTES_PER_LEVEL));
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(null, task, "symphony-evaluation", stack);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating a symphony", e);
        }
    }
}
