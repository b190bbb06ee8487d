package formlab.deploy.config;

/**
 * Rules for the timestamps of the sample stream (see {@code formlab.deploy.TimestampGuard}).
 *
 * @param maxGapMillis a forward jump longer than this starts a new segment (window buffer reset);
 *                     shorter gaps are bridged by interpolation as in batch processing
 */
public record StreamConfig(long maxGapMillis) {
}
