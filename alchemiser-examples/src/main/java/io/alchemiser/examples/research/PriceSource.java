package io.alchemiser.examples.research;

import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.examples.app.DataDirectory;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.ParquetPriceHistory;
import io.alchemiser.s3.S3Settings;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a job's prices are, as a value every process of the job can open for itself: a local folder (CSV files or a
 * Parquet data lake; on a cluster, a folder every executor sees at the same path) or a data lake in S3,
 * {@code s3://BUCKET/PREFIX}, read with the AWS default credential chain (environment, profile, instance or
 * container role).
 *
 * @param location   a folder, or {@code s3://bucket[/prefix]}
 * @param s3Region   the bucket's region; {@code null} for {@code us-east-1}
 * @param s3Endpoint an S3-compatible endpoint (MinIO and the like, path-style access), or {@code null} for AWS
 */
public record PriceSource(String location, String s3Region, String s3Endpoint) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String S3 = "s3://";

    public PriceSource {
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("--data names no folder or s3:// location");
        }
        if (isS3(location)) {
            settings(location, s3Region, s3Endpoint); // refuses a malformed location now, not on an executor
        } else if (s3Region != null || s3Endpoint != null) {
            throw new IllegalArgumentException("--s3-region and --s3-endpoint apply to an s3:// location, not to "
                    + location);
        }
    }

    /** A local folder. */
    public static PriceSource folder(Path dir) {
        return new PriceSource(dir.toString(), null, null);
    }

    /** Whether the prices are in S3. */
    public boolean isS3() {
        return isS3(location);
    }

    /**
     * What {@code reader} makes of the prices, read through {@code through} at most (bars after it are never read);
     * an S3 client opened for it is closed afterwards.
     *
     * @throws io.alchemiser.core.port.MarketDataException if a local folder holds no prices
     */
    public <T> T read(LocalDate through, Function<PriceHistory, T> reader) {
        if (isS3()) {
            try (ParquetBarStore store = ParquetBarStore.s3(settings(location, s3Region, s3Endpoint))) {
                return reader.apply(ParquetPriceHistory.builder(store).through(through).build());
            }
        }
        return reader.apply(DataDirectory.open(Path.of(location), through));
    }

    private static boolean isS3(String location) {
        return location.regionMatches(true, 0, S3, 0, S3.length());
    }

    private static S3Settings settings(String location, String region, String endpoint) {
        String rest = location.substring(S3.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("--data " + location + ": expected s3://BUCKET or s3://BUCKET/PREFIX");
        }
        S3Settings.Builder b = S3Settings.builder(bucket).prefix(prefix).region(region);
        if (endpoint != null) {
            b.endpoint(URI.create(endpoint)).pathStyleAccess(true);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return location;
    }
}
