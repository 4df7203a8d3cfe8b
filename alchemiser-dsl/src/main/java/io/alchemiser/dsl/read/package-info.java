/**
 * Reading symphony source text: the Clojure-like forms Composer exports ({@link io.alchemiser.dsl.read.Form}),
 * each with its {@link io.alchemiser.dsl.read.SourcePosition}; the reader ({@link io.alchemiser.dsl.read.FormReader})
 * and printer ({@link io.alchemiser.dsl.read.FormPrinter}); and the diagnostics every later stage reports with
 * ({@link io.alchemiser.dsl.read.Diagnostic}, {@link io.alchemiser.dsl.read.SymphonyException}).
 *
 * <p>Nothing here recurses on the nesting depth of the text, so arbitrarily deep input cannot overflow the stack.
 */
package io.alchemiser.dsl.read;
