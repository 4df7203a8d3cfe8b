/**
 * Moving from the Python Alchemiser: {@link io.alchemiser.s3.legacy.PythonLakeImporter} converts its data lake
 * ({@code {SYMBOL}/daily.parquet}, Snappy-compressed, written by pandas) into this lake's layout and schema.
 */
package io.alchemiser.s3.legacy;
