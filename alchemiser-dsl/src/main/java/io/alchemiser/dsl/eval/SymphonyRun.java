package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.dsl.compile.Node;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.EvaluationException.Reason;
import io.alchemiser.dsl.indicator.IndicatorCache;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The state of one symphony within one {@link EvaluationSession}: its price table, the depth of its tree, and the
 * memo of what each ranked subtree held on each day. It lives in the session as an attachment keyed by the
 * symphony's identity, and the session's one {@link IndicatorCache} is shared by every symphony evaluated in it.
 *
 * <p>Memoised nodes are exactly those whose allocation history feeds a synthetic series: the non-asset children
 * of a {@code filter} and of a {@code weight-inverse-volatility}, filters included ({@link Units}). Their allocation
 * on a day is computed once per run (evaluations are deterministic, so concurrent computations of the same entry
 * agree and either may win). Other nodes are recomputed through their memoised ancestors, which bounds the work per
 * day.
 *
 * <p>Thread-safe.
 */
final class SymphonyRun {
    private final Symphony symphony;
    private final Market market;
    private final int depth;
    private final Map<Node, Integer> slots;
    /** Days per memo chunk: a run evaluating a few hundred days touches a few chunks per ranked subtree. */
    private static final int CHUNK = 128;

    /** memo[slot][day / CHUNK][day % CHUNK], each level created on first write. */
    private final AtomicReferenceArray<AtomicReferenceArray<AtomicReferenceArray<Allocation>>> memo;
    private final Allocator allocator;

    /** The run of {@code symphony} in {@code session}, made (loading its symbols' bars) on first use. */
    static SymphonyRun in(EvaluationSession session, Symphony symphony) {
        return session.attachment(new Key(symphony), () -> {
            IndicatorCache cache = session.attachment(IndicatorCache.class, IndicatorCache::new);
            return new SymphonyRun(symphony, load(session, symphony), cache);
        });
    }

    /** A symphony compared by identity: records compare whole trees, which is costly and not what a cache means. */
    private static final class Key {
        private final Symphony symphony;

        Key(Symphony symphony) {
            this.symphony = symphony;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.symphony == symphony;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(symphony);
        }
    }

    private static List<BarSeries> load(EvaluationSession session, Symphony symphony) {
        try {
            return List.copyOf(session.bars(symphony.symbols()).values());
        } catch (MarketDataException e) {
            throw new EvaluationException(Reason.DATA_UNAVAILABLE, symphony.position(), null,
                    "the bars of this symphony's symbols could not be loaded: " + e.getMessage(), e);
        }
    }

    SymphonyRun(Symphony symphony, List<BarSeries> series, IndicatorCache cache) {
        this.symphony = symphony;
        this.market = new Market(new PriceTable(series), cache);
        IdentityHashMap<Node, Integer> found = new IdentityHashMap<>();
        int deepest = 0;
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(symphony.root());
        depths.push(1);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int level = depths.pop();
            deepest = Math.max(deepest, level);
            for (Node child : node.children()) {
                if (isRankedSubtree(node, child)) {
                    found.putIfAbsent(child, found.size());
                }
                nodes.push(child);
                depths.push(level + 1);
            }
        }
        this.depth = deepest;
        this.slots = found;
        this.memo = new AtomicReferenceArray<>(found.size());
        this.allocator = new Allocator(this);
    }

    /** Whether {@code child}'s allocation history is measured by {@code parent} (see {@link Units}). */
    private static boolean isRankedSubtree(Node parent, Node child) {
        return Units.measuresChildren(parent) && Units.measuredOnHistory(child);
    }

    Symphony symphony() {
        return symphony;
    }

    Market market() {
        return market;
    }

    PriceTable table() {
        return market.table();
    }

    Allocator allocator() {
        return allocator;
    }

    /** The number of nodes on the longest path from the root to a leaf. */
    int depth() {
        return depth;
    }

    /** The memo slot of a node whose history is ranked, or -1. */
    int slot(Node node) {
        Integer slot = slots.get(node);
        return slot == null ? -1 : slot;
    }

    /** What a ranked subtree held on a day, if already computed. */
    Allocation remembered(int slot, int day) {
        AtomicReferenceArray<AtomicReferenceArray<Allocation>> chunks = memo.get(slot);
        if (chunks == null) {
            return null;
        }
        AtomicReferenceArray<Allocation> chunk = chunks.get(day / CHUNK);
        return chunk == null ? null : chunk.get(day % CHUNK);
    }

    void remember(int slot, int day, Allocation allocation) {
        AtomicReferenceArray<AtomicReferenceArray<Allocation>> chunks = memo.get(slot);
        if (chunks == null) {
            memo.compareAndSet(slot, null, new AtomicReferenceArray<>((table().dayCount() + CHUNK - 1) / CHUNK));
            chunks = memo.get(slot);
        }
        AtomicReferenceArray<Allocation> chunk = chunks.get(day / CHUNK);
        if (chunk == null) {
            chunks.compareAndSet(day / CHUNK, null, new AtomicReferenceArray<>(CHUNK));
            chunk = chunks.get(day / CHUNK);
        }
        chunk.set(day % CHUNK, allocation);
    }
}
