/**
 * Daily bars in CSV files, one {@code SYMBOL.csv} per symbol with the header
 * {@code date,open,high,low,close,adj_close,volume} (the layout of the shared price set): a reader with
 * compiler-style errors ({@link io.alchemiser.s3.csv.CsvBarReader}), a {@code MarketData} over a folder of such
 * files ({@link io.alchemiser.s3.csv.CsvPriceHistory}), and an importer into the Parquet data lake
 * ({@link io.alchemiser.s3.csv.CsvBarImporter}).
 */
package io.alchemiser.s3.csv;
