package io.alchemiser.dsl.compile;

import io.alchemiser.dsl.read.Diagnostic;
import io.alchemiser.dsl.read.Form;
import io.alchemiser.dsl.read.FormReader;
import io.alchemiser.dsl.read.SourceText;
import io.alchemiser.dsl.read.SymphonyException;
import io.alchemiser.dsl.read.SymphonySyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and compiles symphony files: the one entry point from text to a {@link Symphony}.
 *
 * <p>A file holds one {@code (defsymphony "name" {options} tree)} or one bare tree (then the symphony is named
 * after the file and has {@link SymphonyOptions#DEFAULT}). Everything wrong with it is reported at once: a
 * {@link SymphonySyntaxException} if the text is not well-formed, else a {@link SymphonyCompileException} if the
 * forms are not a valid symphony; both carry every {@link Diagnostic} with file, line and column. No other
 * exception is thrown for any text.
 */
public final class Symphonies {
    private Symphonies() {
    }

    /**
     * Reads the file as UTF-8 and compiles it; diagnostics name the file as {@code file.toString()}.
     *
     * @throws SymphonyException     if the file is not valid UTF-8 or not a valid symphony
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Symphony compile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read symphony " + file + ": " + e.getMessage(), e);
        }
        return compile(file.toString(), decodeUtf8(file.toString(), bytes));
    }

    /**
     * Compiles symphony text.
     *
     * @param fileName the name diagnostics show, e.g. {@code nova.clj}
     * @throws SymphonyException with every problem found
     */
    public static Symphony compile(String fileName, String text) {
        SourceText source = SourceText.of(fileName, text);
        List<Form> forms = FormReader.read(source);
        SymphonyCompiler compiler = new SymphonyCompiler(source);
        Symphony symphony = compiler.compile(forms);
        if (compiler.problems().any() || symphony == null) {
            throw new SymphonyCompileException(compiler.problems().all());
        }
        return symphony;
    }

    /** Decodes strictly, so a corrupt file is reported at the line and column of its first bad byte. */
    private static String decodeUtf8(String fileName, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return out.flip().toString();
        }
        String before = out.flip().toString();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = before.codePointCount(lineStart, before.length()) + 1;
        SourceText source = SourceText.of(fileName, new String(bytes, StandardCharsets.UTF_8));
        Diagnostic error = source.error(source.position(line, column), String.format(
                "the file is not valid UTF-8: byte 0x%02X at offset %d cannot be decoded; save it as UTF-8",
                bytes[in.position()] & 0xff, in.position()));
        throw new SymphonySyntaxException(List.of(error));
    }
}
