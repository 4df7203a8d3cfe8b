package io.alchemiser.examples.research;

import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.read.SymphonyException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A symphony file of a job as text, so every process of the job compiles the same thing wherever it runs.
 *
 * @param file    the name diagnostics and reports show (the path as the user gave it)
 * @param text    the file's content ({@code ""} when {@code problem} says it could not be decoded)
 * @param problem {@code null}, or why the file cannot be compiled before it is even read (not UTF-8), rendered
 *                as the compiler renders it
 */
public record SymphonySource(String file, String text, String problem) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SymphonySource {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
    }

    /** Text that was read fine. */
    public SymphonySource(String file, String text) {
        this(file, text, null);
    }

    /**
     * The file's text as UTF-8; a file that is not valid UTF-8 is kept with the compiler's diagnostic (file, line
     * and column of the first bad byte) as its problem.
     *
     * @throws UncheckedIOException if it cannot be read
     */
    public static SymphonySource read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read symphony " + file + ": " + e.getMessage(), e);
        }
        try {
            return new SymphonySource(file.toString(), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            try {
                Symphonies.compile(file);
                throw new IllegalStateException(file + " failed to decode as UTF-8 but compiled");
            } catch (SymphonyException diagnosed) {
                return new SymphonySource(file.toString(), "", diagnosed.render());
            }
        }
    }

    /** The file name without its folders, as leaderboards show it. */
    public String shortName() {
        String name = file.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
