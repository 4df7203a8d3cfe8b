/**
 * Implementation details of the data lake, public only so the API package can reach them; not part of the
 * module's API and free to change. Holds the Parquet encoding of a bar file ({@link
 * io.alchemiser.s3.internal.BarFileCodec}), the in-memory Parquet files it reads and writes, a GZIP codec and read
 * options that keep Hadoop off the runtime classpath, series checks, and the memoising parallel loader shared by the
 * {@code MarketData} adapters.
 */
package io.alchemiser.s3.internal;
