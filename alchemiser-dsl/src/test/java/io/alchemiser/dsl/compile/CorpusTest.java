package io.alchemiser.dsl.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.dsl.read.Form;
import io.alchemiser.dsl.read.FormPrinter;
import io.alchemiser.dsl.read.FormReader;
import io.alchemiser.dsl.read.SymphonyException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every real export in {@code ../shared/strategies} reads, compiles and round-trips through the printer. */
@Tag("shared")
class CorpusTest {

    @Test
    void everyCorpusFileCompilesWithoutErrors() {
        List<Path> files = SharedData.strategyFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(87);
        List<String> failures = new ArrayList<>();
        int nodes = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long startedCpu = threads.getCurrentThreadCpuTime();
        for (Path file : files) {
            try {
                Symphony symphony = Symphonies.compile(file);
                nodes += symphony.nodeCount();
                assertThat(symphony.symbols()).as(file.toString()).isNotEmpty();
            } catch (SymphonyException e) {
                failures.add(e.render());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - startedCpu) / 1_000_000;
        System.out.printf("corpus: read and compiled %d files, %d nodes: %d ms wall, %d ms CPU on this thread"
                + " (first pass, cold JIT)%n", files.size(), nodes, millis, cpuMillis);
        assertThat(failures).as("compile errors in the corpus").isEmpty();
        assertThat(nodes).isGreaterThan(100_000);
    }

    @Test
    void theDeepestExportCompilesAtItsFullDepth() {
        Path file = SharedData.strategiesDirectory().resolve("ftl_starburst_gen2.clj");
        Symphony symphony = Symphonies.compile(file);
        int deepest = 0;
        Deque<Map.Entry<Node, Integer>> pending = new ArrayDeque<>();
        pending.push(Map.entry(symphony.root(), 1));
        while (!pending.isEmpty()) {
            Map.Entry<Node, Integer> next = pending.pop();
            deepest = Math.max(deepest, next.getValue());
            next.getKey().children().forEach(child -> pending.push(Map.entry(child, next.getValue() + 1)));
        }
        assertThat(deepest).as("allocation nesting of %s", file).isGreaterThan(90);
        assertThat(symphony.nodeCount()).isEqualTo(5854);
        assertThat(symphony.symbols()).hasSize(182);
    }

    @Test
    void everyCorpusFileReadsBackFromItsPrintedForms() throws IOException {
        for (Path file : SharedData.strategyFiles()) {
            List<Form> forms = FormReader.read(file.toString(), Files.readString(file));
            String printed = forms.stream().map(FormPrinter::print).collect(Collectors.joining("\n"));
            String reprinted = FormReader.read("reprinted", printed).stream().map(FormPrinter::print)
                    .collect(Collectors.joining("\n"));
            assertThat(reprinted.equals(printed)).as("print, read, print of %s gives the same text", file).isTrue();
        }
    }
}
