/**
 * Distribution drift between a reference (training) sample and new data: per-feature population
 * stability index and Kolmogorov-Smirnov statistic, label and prediction distribution drift
 * ({@link formlab.eval.drift.DriftDetector}, {@link formlab.eval.drift.DriftReport}) and drift over
 * a stream in windows ({@link formlab.eval.drift.WindowedDrift}).
 */
package formlab.eval.drift;
