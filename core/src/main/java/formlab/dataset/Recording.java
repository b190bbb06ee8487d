package formlab.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recording found by {@link DatasetCheck}: its files (one per part when there are several sensor
 * units or sensors), what they hold, and the labels attached to it.
 */
public final class Recording {

    final String id;
    final Map<String, String> groups;
    final List<FoundFile> files = new ArrayList<>();
    final Map<String, FileSummary> summaries = new LinkedHashMap<>();
    String annotatedLabel;
    Integer count;
    final List<double[]> repetitions = new ArrayList<>();
    final List<String> qualities = new ArrayList<>();

    Recording(String id, Map<String, String> groups) {
        this.id = id;
        this.groups = groups;
    }

    /** The recording's identity: the values of its identifying path groups, joined by {@code /}. */
    public String id() {
        return id;
    }

    /** The values of the path groups shared by all its files. */
    public Map<String, String> groups() {
        return Map.copyOf(groups);
    }

    /** Rows (samples or frames) of its longest file; 0 when no file could be read. */
    public int rows() {
        return summaries.values().stream().mapToInt(FileSummary::rows).max().orElse(0);
    }

    /** Seconds spanned by its longest file; NaN without a time base. */
    public double seconds() {
        return summaries.values().stream().mapToDouble(FileSummary::seconds).filter(s -> !Double.isNaN(s)).max().orElse(Double.NaN);
    }

    /** The repetition count, from a fixed count or an annotation; null when none is known. */
    public Integer count() {
        return count;
    }

    /** The execution quality of each annotated repetition, in order; empty when none is annotated. */
    public List<String> qualities() {
        return List.copyOf(qualities);
    }

    /** The relative paths of its files (one per part). */
    public List<String> files() {
        return files.stream().map(FoundFile::relative).toList();
    }

    /** The annotated repetitions as [start, end] in rows of the recording. */
    public List<double[]> repetitions() {
        return List.copyOf(repetitions);
    }
}
