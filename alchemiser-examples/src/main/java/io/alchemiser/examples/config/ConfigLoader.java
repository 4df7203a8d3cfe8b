package io.alchemiser.examples.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an {@link AppConfig} from a YAML file and refuses anything that cannot be meant, each time with
 * {@code file:line:column:} and the key path: a file that is empty, only comments, not UTF-8 text or not valid YAML
 * (a tab used for indentation is named as such); a duplicate key at any depth (YAML would keep the last one
 * silently); an unknown key at any depth; a value of the wrong type or out of its range; a combination of values
 * that cannot work. Then it fills the documented defaults and resolves paths against the file's directory.
 *
 * <p>The rules, ranges and combinations are listed in {@code docs/operations.md}. Thread-safe: holds no state.
 */
public final class ConfigLoader {
    /** A configuration is a page of text; anything larger is the wrong file. */
    static final int MAX_BYTES = 1 << 20;

    /**
     * Reads and checks {@code file}.
     *
     * @throws ConfigException naming the file, position and key of the first problem
     */
    public AppConfig load(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(file + ": is a folder, not a configuration file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(file + ": is " + Files.size(file) + " bytes; a configuration file is at "
                        + "most " + MAX_BYTES + " (is this the right file?)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": configuration file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the configuration file: " + e.getMessage(), e);
        }
        return parse(file, decode(file, bytes));
    }

    /**
     * Parses YAML text as if read from {@code file} (which names the errors and resolves relative paths).
     *
     * @throws ConfigException naming the file, position and key of the first problem
     */
    public AppConfig parse(Path file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        refuseBinary(file, body);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setProcessComments(false);
            root = new Yaml(options).compose(new StringReader(body));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(position(file, e.getProblemMark()) + ": not valid YAML: " + describe(e), e);
        } catch (YAMLException e) {
            throw new ConfigException(file + ":1:1: not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new ConfigException(file + ":1:1: the configuration file is " + (body.isBlank() ? "empty" :
                    "only comments") + ": it needs at least 'strategies' (see alchemiser.example.yaml)");
        }
        AppConfig config = new ConfigReader(file).read(root);
        ConfigChecks.check(config);
        return config;
    }

    /** UTF-8 text, or an error at the first byte that is not. */
    private static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, true);
        if (result.isError()) {
            out.flip();
            throw new ConfigException(position(file, out) + ": not a text file: the bytes here are not UTF-8 "
                    + "(is this a binary file?)");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** A NUL or other control character (but tab and line breaks) marks a binary file, or a damaged one. */
    private static void refuseBinary(Path file, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new ConfigException(position(file, CharBuffer.wrap(text, 0, i)) + ": not a text file: it holds "
                        + "the control character U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + " (is this a binary file?)");
            }
        }
    }

    /** {@code file:line:column} just after {@code before} (the text read so far). */
    private static String position(Path file, CharSequence before) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return file + ":" + line + ":" + column;
    }

    private static String position(Path file, Mark mark) {
        return mark == null ? file + ":1:1" : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** SnakeYAML's problem and context on one line; a tab is called a tab. */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.contains("\\t(TAB)")) {
            return "a tab cannot start a token here: YAML indents with spaces, never tabs";
        }
        String context = e.getContext();
        return (problem + (context == null ? "" : " (" + context + ")")).replace('\n', ' ').strip();
    }
}
