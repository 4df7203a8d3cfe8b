package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus of symphony exports, compiled, with the shared prices. */
final class Corpus {
    private Corpus() {
    }

    /** A compiled corpus file. */
    record Entry(Path file, Symphony symphony, long bytes) {
        String name() {
            return file.getFileName().toString();
        }
    }

    /** Every {@code .clj} file of {@code shared/strategies}, compiled, largest first. */
    static List<Entry> all() {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SharedFolder.strategies())) {
            files = listing.filter(p -> p.toString().endsWith(".clj")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                entries.add(new Entry(file, Symphonies.compile(file), Files.size(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        entries.sort(Comparator.comparingLong(Entry::bytes).reversed().thenComparing(Entry::name));
        return entries;
    }

    /** The entries whose every symbol has a price file, largest first. */
    static List<Entry> covered(CsvPriceHistory prices) {
        List<Entry> covered = new ArrayList<>();
        for (Entry entry : all()) {
            boolean all = true;
            for (Symbol symbol : entry.symphony().symbols()) {
                all &= prices.has(symbol);
            }
            if (all) {
                covered.add(entry);
            }
        }
        return covered;
    }
}
