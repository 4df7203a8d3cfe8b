/**
 * The Parquet data lake of daily bars, on a local directory or S3.
 *
 * <ul>
 *   <li>{@link io.alchemiser.s3.ParquetBarStore}: one Parquet file per symbol at
 *       {@code daily/symbol=SYMBOL/bars.parquet}, validated on write and read, replaced atomically;</li>
 *   <li>{@link io.alchemiser.s3.BlobStorage} and its backends {@link io.alchemiser.s3.LocalStorage} (the embedded
 *       default) and {@link io.alchemiser.s3.S3Storage} (AWS SDK v2; MinIO and other S3-compatible stores through
 *       {@link io.alchemiser.s3.S3Settings});</li>
 *   <li>{@link io.alchemiser.s3.ParquetPriceHistory}: the {@code PriceHistory} port over the store, parallel and cached
 *       per run (today's live price is the core's {@code IntradayPriceHistory} around it);</li>
 *   <li>{@link io.alchemiser.s3.DataLakeRefresher}: fetches only the missing days per symbol from a source
 *       {@code PriceHistory} and reports fetched / skipped / failed per symbol
 *       ({@link io.alchemiser.s3.model.RefreshReport}), with progress through
 *       {@link io.alchemiser.s3.model.ProgressListener} ({@link io.alchemiser.s3.TerminalProgress} on a terminal).</li>
 * </ul>
 * CSV input (the shared price layout) lives in {@code io.alchemiser.s3.csv}; implementation details in
 * {@code io.alchemiser.s3.internal}. Errors are {@link io.alchemiser.s3.model.DataLakeException}s (a
 * {@code MarketDataException}) naming the symbol and the file or object.
 */
package io.alchemiser.s3;

import io.alchemiser.s3.model.DataLakeException;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;

