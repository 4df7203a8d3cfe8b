package io.alchemiser.dsl.read;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generates damaged copies of valid texts: runs deleted, characters inserted or swapped, runs duplicated. */
public final class TextMutations {
    /** Characters that matter to the reader, used for insertions. */
    public static final String SYNTAX = "()[]{}\"\\;:,#'`~@^ \n\r\t0123456789.-+eE/";

    private TextMutations() {
    }

    /** Each value is one of {@code texts} with one to four random mutations applied. */
    public static Arbitrary<String> of(List<String> texts) {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(1, 6),
                Arbitraries.of(SYNTAX.chars().mapToObj(c -> (char) c).toArray(Character[]::new)))
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(texts), mutation.list().ofMinSize(1).ofMaxSize(4))
                .as((text, mutations) -> {
                    String result = text;
                    for (Mutation m : mutations) {
                        result = m.apply(result);
                    }
                    return result;
                });
    }

    /** Delete a run, insert a character, swap two characters, or duplicate a run, at a random place. */
    record Mutation(int kind, int where, int length, char inserted) {
        String apply(String text) {
            if (text.isEmpty()) {
                return String.valueOf(inserted);
            }
            int at = where % text.length();
            int end = Math.min(text.length(), at + length);
            switch (kind) {
                case 0:
                    return text.substring(0, at) + text.substring(end);
                case 1:
                    return text.substring(0, at) + inserted + text.substring(at);
                case 2:
                    int other = (at * 31 + length) % text.length();
                    char[] chars = text.toCharArray();
                    char t = chars[at];
                    chars[at] = chars[other];
                    chars[other] = t;
                    return new String(chars);
                default:
                    return text.substring(0, end) + text.substring(at, end) + text.substring(end);
            }
        }
    }
}
