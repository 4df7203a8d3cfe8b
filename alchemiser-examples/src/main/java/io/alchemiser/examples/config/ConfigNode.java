package io.alchemiser.examples.config;

import io.alchemiser.examples.format.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of the YAML file, with its key path ({@code broker.simulated.cash}, {@code strategies[0].file}) and
 * its position, over SnakeYAML's node tree (which keeps every node's line and column and, unlike a bound object,
 * every duplicate key). Reading a {@link #section} checks its keys: only known ones, each once.
 */
final class ConfigNode {
    private static final int SHOWN_VALUE_LENGTH = 60;

    private final Path file;
    private final String path;
    private final Node node;
    private final Map<String, String> positions;

    private ConfigNode(Path file, String path, Node node, Map<String, String> positions) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.positions = positions;
    }

    /** The document's root; every key read below it records its position in {@code positions}. */
    static ConfigNode root(Path file, Node node, Map<String, String> positions) {
        return new ConfigNode(file, "", node, positions);
    }

    /** The key path, empty for the root. */
    String path() {
        return path;
    }

    /** {@code file:line:column} of this value (1-based). */
    String where() {
        return where(node.getStartMark());
    }

    /** An error about this value: {@code file:line:col: key.path: message}. */
    ConfigException error(String message) {
        return new ConfigException(where() + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** This value as written, on one line and shortened, to quote in a message. */
    String shown() {
        String text = node instanceof ScalarNode s ? Text.oneLine(s.getValue()) : node.getNodeId().name();
        return text.length() > SHOWN_VALUE_LENGTH ? text.substring(0, SHOWN_VALUE_LENGTH) + "..." : text;
    }

    /** Whether the value is YAML's null ({@code ~}, {@code null}, or nothing after the colon). */
    boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /**
     * This value as a section (a mapping of keys); a null value is an empty section.
     *
     * @param known the keys the section may have
     * @throws ConfigException if the value is not a mapping, a key is not a plain name, a key is given twice, or a
     *                         key is not one of {@code known}
     */
    Section section(Set<String> known) {
        if (isNull()) {
            return new Section(this, Map.of());
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a section of keys (key: value on their own lines), found " + kind());
        }
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        Map<String, Mark> firstSeen = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode k) || Tag.NULL.equals(k.getTag()) || k.getValue().isBlank()) {
                throw new ConfigException(where(keyNode.getStartMark()) + ": a key must be a plain name, found "
                        + new ConfigNode(file, path, keyNode, positions).kind() + " " + in());
            }
            String key = k.getValue();
            if (firstSeen.containsKey(key)) {
                Mark first = firstSeen.get(key);
                throw new ConfigException(where(k.getStartMark()) + ": duplicate key '" + Text.oneLine(key) + "' "
                        + in() + " (first at line " + (first.getLine() + 1) + ", column " + (first.getColumn() + 1)
                        + "): give each key once; YAML would silently keep only the last");
            }
            if (!known.contains(key)) {
                throw new ConfigException(where(k.getStartMark()) + ": unknown key '" + Text.oneLine(key) + "' "
                        + in() + "; known keys: " + new TreeSet<>(known));
            }
            firstSeen.put(key, k.getStartMark());
            Node value = t.getValueNode();
            ConfigNode child = new ConfigNode(file, child(key), value, positions);
            positions.put(child.path, where(value instanceof ScalarNode && !child.isNull() ? value.getStartMark()
                    : k.getStartMark()));
            entries.put(key, child);
        }
        return new Section(this, entries);
    }

    /** This value as a list; a null value is an empty list. */
    List<ConfigNode> items() {
        if (isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list (lines starting with '- ', or [a, b]), found " + kind());
        }
        List<ConfigNode> out = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            ConfigNode child = new ConfigNode(file, path + "[" + out.size() + "]", item, positions);
            positions.put(child.path, child.where());
            out.add(child);
        }
        return out;
    }

    /** This value as text. @throws ConfigException if it is a section or a list */
    String text() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value, found " + kind());
        }
        return s.getValue();
    }

    private String kind() {
        if (node instanceof MappingNode) {
            return "a section of keys";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull() ? "no value" : "the value '" + shown() + "'";
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String in() {
        return path.isEmpty() ? "at the top level" : "in '" + path + "'";
    }

    private String where(Mark mark) {
        return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** The checked keys of one section. */
    static final class Section {
        private final ConfigNode node;
        private final Map<String, ConfigNode> entries;

        private Section(ConfigNode node, Map<String, ConfigNode> entries) {
            this.node = node;
            this.entries = entries;
        }

        /** The section itself, for errors about it as a whole (such as a missing key). */
        ConfigNode node() {
            return node;
        }

        /** The value of {@code key}; empty when the key is absent or has no value (so it takes its default). */
        Optional<ConfigNode> get(String key) {
            ConfigNode value = entries.get(key);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
        }

        /** The section under {@code key}; an absent key is an empty section. */
        Section section(String key, Set<String> known) {
            ConfigNode value = entries.get(key);
            return value == null ? new Section(new ConfigNode(node.file, node.child(key), node.node, node.positions),
                    Map.of()) : value.section(known);
        }

        /** Whether {@code key} is in the file with a value. */
        boolean has(String key) {
            return get(key).isPresent();
        }
    }
}
