package formlab.dataset;

import java.util.Map;

/**
 * What one recording file holds, as read by {@link RecordingScanner}.
 *
 * @param rows          samples, frames or images in the file
 * @param columns       values per row (cells of delimited text, second dimension of an array)
 * @param seconds       the time the file spans (last minus first timestamp plus one median step,
 *                      or rows / rate); NaN when the file has no time base
 * @param medianStep    the median time between consecutive rows in seconds; NaN without a time column
 * @param repeatedTimes rows whose timestamp equals the previous one
 * @param classRows     for a label column: rows per class
 * @param segments      for a label column: runs of one label
 * @param content       for images: the format found in the file's first bytes (jpeg, png, webp, ...)
 * @param missingRows   rows with a declared missing value ({@code recordings.missing}) in an acceleration
 *                      or angular-velocity channel (the IMU pipeline fills them from neighbouring rows)
 */
record FileSummary(int rows, int columns, double seconds, double medianStep, int repeatedTimes,
        Map<String, Integer> classRows, int segments, String content, int missingRows) {
}
