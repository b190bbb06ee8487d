package formlab.features;

import java.util.List;

/**
 * Which features {@link ImuFeatures} computes.
 *
 * @param percentiles          percentiles (0-100) of each channel, linear interpolation between order statistics
 * @param spectrumFrequencies  frequencies (Hz) at which the Hann-windowed amplitude spectrum is reported,
 *                             interpolated between FFT bins; those at or above the Nyquist frequency are reported as 0
 * @param bands                frequency bands {@code [from, to)} in Hz whose share of the spectral power is reported
 * @param minLagSeconds        shortest lag searched for the autocorrelation peak
 * @param maxLagSeconds        longest lag searched (capped at half the window)
 * @param correlationPairs     channel pairs whose Pearson correlation is reported (pairs with a missing channel are skipped)
 * @param frequencyDomain      whether to compute the spectral features at all
 * @param orientation          whether to add the window's orientation features ({@code orient__...}: gravity
 *                             direction in the sensor frame, main movement and rotation axes and their angles to
 *                             gravity, orientation wander); needs {@code acc_x..z} (and {@code gyr_x..z} for the
 *                             rotation axis) among the window's channels
 * @param motion               whether to add the window's movement features relative to gravity
 *                             ({@code motion__...} of {@link MotionFeatures}: lift height range, tilt and twist
 *                             against height, vertical acceleration shape); needs {@code acc_x..z} and
 *                             {@code gyr_x..z}
 */
public record FeatureSettings(List<Double> percentiles, List<Double> spectrumFrequencies, List<double[]> bands,
                              double minLagSeconds, double maxLagSeconds, List<List<String>> correlationPairs,
                              boolean frequencyDomain, boolean orientation, boolean motion) {

    /** Settings without orientation features (the layout before they existed). */
    public FeatureSettings(List<Double> percentiles, List<Double> spectrumFrequencies, List<double[]> bands,
                           double minLagSeconds, double maxLagSeconds, List<List<String>> correlationPairs,
                           boolean frequencyDomain) {
        this(percentiles, spectrumFrequencies, bands, minLagSeconds, maxLagSeconds, correlationPairs, frequencyDomain, false, false);
    }

    /** Settings without movement features (the layout before they existed). */
    public FeatureSettings(List<Double> percentiles, List<Double> spectrumFrequencies, List<double[]> bands,
                           double minLagSeconds, double maxLagSeconds, List<List<String>> correlationPairs,
                           boolean frequencyDomain, boolean orientation) {
        this(percentiles, spectrumFrequencies, bands, minLagSeconds, maxLagSeconds, correlationPairs, frequencyDomain,
                orientation, false);
    }

    public FeatureSettings {
        percentiles = List.copyOf(percentiles);
        spectrumFrequencies = List.copyOf(spectrumFrequencies);
        bands = bands.stream().map(double[]::clone).toList();
        correlationPairs = correlationPairs.stream().map(List::copyOf).toList();
        for (double p : percentiles) {
            if (p < 0 || p > 100) {
                throw new IllegalArgumentException("percentiles lie in 0-100, got " + p);
            }
        }
        for (double[] band : bands) {
            if (band.length != 2 || !(band[0] >= 0) || !(band[1] > band[0])) {
                throw new IllegalArgumentException("a band is {from, to} with 0 <= from < to");
            }
        }
        if (!(minLagSeconds > 0) || !(maxLagSeconds > minLagSeconds)) {
            throw new IllegalArgumentException("need 0 < minLagSeconds < maxLagSeconds");
        }
        for (List<String> pair : correlationPairs) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("a correlation pair names two channels, got " + pair);
            }
        }
    }

    /**
     * Percentiles 10/25/50/75/90; spectrum at 0-6 Hz in whole Hz (as the exercise-tracking project
     * by Dave Ebbelaar reports amplitudes per frequency; 6 Hz is the last whole Hz below the 6.25 Hz
     * Nyquist frequency of 12.5 Hz data); bands 0-0.5, 0.5-1.5, 1.5-3 and 3-6.25 Hz (below the
     * repetition rate, around it, its harmonics, tremor and noise); autocorrelation peak between 0.5 and
     * 5 s (one repetition lasts 1.5-4 s); correlations between the axes of each sensor.
     */
    public static FeatureSettings defaults() {
        return new FeatureSettings(List.of(10.0, 25.0, 50.0, 75.0, 90.0),
                List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0),
                List.of(new double[] {0, 0.5}, new double[] {0.5, 1.5}, new double[] {1.5, 3}, new double[] {3, 6.25}),
                0.5, 5.0,
                List.of(List.of("acc_x", "acc_y"), List.of("acc_x", "acc_z"), List.of("acc_y", "acc_z"),
                        List.of("gyr_x", "gyr_y"), List.of("gyr_x", "gyr_z"), List.of("gyr_y", "gyr_z")),
                true);
    }

    /** The same settings without spectral features (cheaper, e.g. for a first baseline). */
    public FeatureSettings timeDomainOnly() {
        return new FeatureSettings(percentiles, spectrumFrequencies, bands, minLagSeconds, maxLagSeconds,
                correlationPairs, false, orientation, motion);
    }

    /** The same settings with or without the orientation features. */
    public FeatureSettings withOrientation(boolean on) {
        return new FeatureSettings(percentiles, spectrumFrequencies, bands, minLagSeconds, maxLagSeconds,
                correlationPairs, frequencyDomain, on, motion);
    }

    /** The same settings with or without the movement features. */
    public FeatureSettings withMotion(boolean on) {
        return new FeatureSettings(percentiles, spectrumFrequencies, bands, minLagSeconds, maxLagSeconds,
                correlationPairs, frequencyDomain, orientation, on);
    }
}
