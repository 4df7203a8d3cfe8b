/**
 * The data lake's values: a bar as stored ({@link io.alchemiser.s3.model.LakeBar}), the lake's exception
 * ({@link io.alchemiser.s3.model.DataLakeException}), and what a refresh reports
 * ({@link io.alchemiser.s3.model.RefreshReport}, {@link io.alchemiser.s3.model.SymbolOutcome},
 * {@link io.alchemiser.s3.model.ProgressListener}). The store, the refresher and their internals depend on this
 * package, and it on none of them.
 */
package io.alchemiser.s3.model;
