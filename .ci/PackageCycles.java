import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * Asks jdeps for the package dependencies of each compiled module (the class folders given as arguments) and fails
 * if any packages of the project form a cycle. Run with {@code java .ci/PackageCycles.java DIR...}; prints each
 * module's package count and every cycle found.
 */
public class PackageCycles {
    public static void main(String[] args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps"));
        int cycles = 0;
        for (String dir : args) {
            StringWriter out = new StringWriter();
            int code = jdeps.run(new PrintWriter(out), new PrintWriter(System.err), "-verbose:package", "-e",
                    "io\\.alchemiser\\..*", dir);
            if (code != 0) {
                throw new IllegalStateException("jdeps failed on " + dir);
            }
            Map<String, TreeSet<String>> graph = new TreeMap<>();
            for (String line : out.toString().split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 3 && parts[1].equals("->") && parts[0].startsWith("io.alchemiser")) {
                    graph.computeIfAbsent(parts[0], k -> new TreeSet<>());
                    if (!parts[0].equals(parts[2])) {
                        graph.get(parts[0]).add(parts[2]);
                    }
                }
            }
            List<List<String>> found = stronglyConnected(graph);
            System.out.println(dir + ": " + graph.size() + " packages, " + found.size() + " cycle(s)");
            for (List<String> c : found) {
                System.out.println("  cycle: " + String.join(" <-> ", c));
            }
            cycles += found.size();
        }
        if (cycles > 0) {
            System.exit(1);
        }
    }

    /** Tarjan's algorithm: the components of more than one package. */
    private static List<List<String>> stronglyConnected(Map<String, TreeSet<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                visit(v, graph, index, low, stack, out, counter);
            }
        }
        return out;
    }

    private static void visit(String v, Map<String, TreeSet<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        for (String w : graph.getOrDefault(v, new TreeSet<>())) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }
}
