package io.alchemiser.examples.research;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.read.SymphonyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Plans a {@code rank} job: one unit per symphony file. */
public final class RankJobs {
    private RankJobs() {
    }

    /**
     * The {@code .clj} files named: a file as is, a folder as every {@code .clj} file under it (sorted by path);
     * each file once, in the order given.
     *
     * @throws IllegalArgumentException for a path that does not exist, or a file that is no {@code .clj} file
     * @throws UncheckedIOException if a folder cannot be listed
     */
    public static List<Path> files(List<Path> paths) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".clj")).sorted()
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new IllegalArgumentException(p + ": no such file or folder");
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The job ranking {@code files} (as {@link #files} lists them): one unit per file. The files are read now; one
     * that does not compile is still a unit, which fails with the compiler's diagnostic.
     *
     * @throws IllegalArgumentException if no file is named
     */
    public static ResearchJob plan(List<Path> files, JobSettings settings, PriceSource prices) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .clj file to rank");
        }
        List<SymphonySource> sources = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        Set<String> symbols = new TreeSet<>(Set.of(Symbol.of(settings.benchmark()).value()));
        for (Path file : files) {
            SymphonySource source = SymphonySource.read(file);
            units.add(new Unit(units.size(), sources.size(), List.of()));
            sources.add(source);
            symbols.addAll(symbolsOf(source));
        }
        return new ResearchJob(ResearchJob.Kind.RANK, sources, units, List.of(), settings, prices, symbols);
    }

    /** The symbols a source reads, or none when it does not compile (its unit then fails without reading any). */
    static Set<String> symbolsOf(SymphonySource source) {
        Set<String> out = new TreeSet<>();
        if (source.problem() != null) {
            return out;
        }
        try {
            Symphonies.compile(source.file(), source.text()).symbols().forEach(s -> out.add(s.value()));
        } catch (SymphonyException e) {
            // The unit reports it.
        }
        return out;
    }
}
