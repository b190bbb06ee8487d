package formlab.dataset;

import formlab.dataset.DatasetDescription.Annotation;
import formlab.dataset.DatasetDescription.Count;
import formlab.dataset.DatasetDescription.Recordings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a description's recordings on disk and reads each one: which files are taken (and why the
 * others are not), the recordings they form, their subjects, classes, lengths and actual rates, and
 * their annotations. Problems in single files are collected in the report; a folder where nothing
 * matches, or a label pattern that matches none of the files, fails at once with a
 * {@link DescriptionException} listing the files seen and why each was not taken.
 */
public final class DatasetCheck {

    /** Reason a file was not taken: no include pattern matches it. */
    static final String NOT_INCLUDED = "matches no include pattern (recordings.include)";
    /** Reason a file was not taken: an exclude pattern matches it. */
    static final String EXCLUDED = "matches an exclude pattern (recordings.exclude)";
    /** Reason a file was not taken: the label path pattern does not match it. */
    static final String NO_LABEL = "included, but labels.path does not match it";

    private static final int LISTED_FILES = 40;

    private final LoadedDescription loaded;
    private final DatasetDescription description;
    private final KeyLocations keys;

    private DatasetCheck(LoadedDescription loaded) {
        this.loaded = loaded;
        this.description = loaded.description();
        this.keys = loaded.keys();
    }

    /**
     * Checks the dataset {@code loaded} describes.
     *
     * @throws DescriptionException  when no file matches, or the label pattern matches none of the taken files
     * @throws IllegalStateException when the dataset folder is unknown or missing
     */
    public static DatasetReport run(LoadedDescription loaded) {
        return new DatasetCheck(loaded).run();
    }

    private DatasetReport run() {
        long started = System.nanoTime();
        Path folder = loaded.folder().orElseThrow(() -> new IllegalStateException("the dataset folder of '"
                + description.name() + "' is unknown: set FORMLAB_DATA_DIR (the folder holding " + description.name()
                + ") or give the dataset folder"));
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("dataset folder " + folder + " does not exist");
        }
        Path descriptionFile = loaded.builtIn() ? null : loaded.file().toAbsolutePath().normalize();
        List<String> seen = listFiles(folder).stream()
                .filter(f -> !folder.resolve(f).toAbsolutePath().normalize().equals(descriptionFile)).toList();
        Map<String, List<String>> notTaken = new LinkedHashMap<>();
        List<FoundFile> taken = new ArrayList<>();
        Map<Integer, List<Map.Entry<String, Map<String, String>>>> annotationFiles = new LinkedHashMap<>();
        sort(folder, seen, taken, notTaken, annotationFiles);
        List<Recording> recordings = group(taken);
        partsExist(taken);
        List<String> errors = new ArrayList<>(duplicateParts(recordings));
        List<String> notes = new ArrayList<>();
        if (notTaken.containsKey(NO_LABEL)) {
            notes.add(notTaken.get(NO_LABEL).size() + " included files do not match labels.path and are not taken, e.g. "
                    + notTaken.get(NO_LABEL).getFirst());
        }
        unmatchedConditions(taken, annotationFiles, notes);
        RecordingScanner scanner = new RecordingScanner(description, keys);
        List<Map.Entry<Recording, FoundFile>> scans = recordings.stream()
                .flatMap(r -> r.files.stream().map(f -> Map.entry(r, f))).toList();
        // files are independent: read them in parallel, then record the results in file order
        List<Object> results = scans.parallelStream().map(entry -> scan(scanner, entry.getValue())).toList();
        for (int i = 0; i < scans.size(); i++) {
            if (results.get(i) instanceof FileSummary summary) {
                scans.get(i).getKey().summaries.put(scans.get(i).getValue().relative(), summary);
            } else {
                errors.add((String) results.get(i));
            }
        }
        counts(recordings);
        AnnotationReader annotations = new AnnotationReader(keys, notes);
        annotationFiles.forEach((index, files) -> {
            for (Map.Entry<String, Map<String, String>> file : files) {
                try {
                    annotations.read(index, description.labels().annotations().get(index), folder.resolve(file.getKey()),
                            file.getValue(), recordings);
                } catch (RecordingException e) {
                    errors.add(e.getMessage());
                } catch (IOException e) {
                    errors.add(folder.resolve(file.getKey()) + ": cannot read: " + e);
                }
            }
        });
        int annotationCount = annotationFiles.values().stream().mapToInt(List::size).sum();
        DatasetReport report = new DatasetReport(loaded, folder, seen.size(), taken.size(), annotationCount, notTaken, recordings,
                errors, notes, (System.nanoTime() - started) / 1e9);
        if (!unknownNoExercise(report.classes().keySet(), errors, notes)) {
            return report;
        }
        return new DatasetReport(loaded, folder, seen.size(), taken.size(), annotationCount, notTaken, recordings,
                errors, notes, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Each {@code labels.noExercise} entry that is no class of the dataset (nor a raw value {@code classNames}
     * turns into one): an error when it differs from a class only in case or spaces (a misspelt rest class
     * would be learnt as an exercise), else a note (data without its rest recordings yet). True when it
     * added any.
     */
    private boolean unknownNoExercise(java.util.Set<String> classes, List<String> errors, List<String> notes) {
        boolean added = false;
        Map<String, String> names = description.labels().classNames();
        String where = "labels.noExercise (line " + keys.line("labels.noExercise") + " of " + loaded.file() + ") names '";
        for (String entry : description.labels().noExercise()) {
            if (classes.isEmpty() || classes.contains(entry) || classes.contains(names.getOrDefault(entry, entry))) {
                continue;
            }
            java.util.Optional<String> near = classes.stream().filter(c -> c.strip().equalsIgnoreCase(entry.strip())).findFirst();
            if (near.isPresent()) {
                errors.add(where + entry + "', which is no class of the dataset; did you mean '" + near.get() + "'? classes: "
                        + String.join(", ", classes));
            } else {
                notes.add(where + entry + "', which no recording has: no recording is learnt as no exercise under that name;"
                        + " classes: " + String.join(", ", classes));
            }
            added = true;
        }
        return added;
    }

    /** The file's summary, or the message saying why it does not fit. */
    private static Object scan(RecordingScanner scanner, FoundFile file) {
        try {
            return scanner.scan(file.path(), file.part());
        } catch (RecordingException e) {
            return e.getMessage();
        } catch (IOException e) {
            return file.path() + ": cannot read: " + e;
        }
    }

    private static List<String> listFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private void sort(Path folder, List<String> seen, List<FoundFile> taken, Map<String, List<String>> notTaken,
            Map<Integer, List<Map.Entry<String, Map<String, String>>>> annotationFiles) {
        Recordings recordings = description.recordings();
        List<PathMatcher> include = matchers(recordings.include());
        List<PathMatcher> exclude = matchers(recordings.exclude());
        PathPattern labels = PathPattern.compile(description.labels().path());
        List<PathPattern> annotationPatterns = description.labels().annotations().stream()
                .map(a -> PathPattern.compile(a.file())).toList();
        for (String relative : seen) {
            Path path = folder.resolve(relative);
            boolean annotation = false;
            for (int i = 0; i < annotationPatterns.size(); i++) {
                Optional<Map<String, String>> groups = annotationPatterns.get(i).match(relative);
                if (groups.isPresent()) {
                    annotationFiles.computeIfAbsent(i, k -> new ArrayList<>()).add(Map.entry(relative, groups.get()));
                    annotation = true;
                }
            }
            if (annotation) {
                continue;
            }
            Path asPath = Path.of(relative);
            if (include.stream().noneMatch(m -> m.matches(asPath))) {
                notTaken.computeIfAbsent(NOT_INCLUDED, k -> new ArrayList<>()).add(relative);
            } else if (exclude.stream().anyMatch(m -> m.matches(asPath))) {
                notTaken.computeIfAbsent(EXCLUDED, k -> new ArrayList<>()).add(relative);
            } else {
                Optional<Map<String, String>> groups = labels.match(relative);
                if (groups.isEmpty()) {
                    notTaken.computeIfAbsent(NO_LABEL, k -> new ArrayList<>()).add(relative);
                } else {
                    String part = recordings.part() == null ? null : groups.get().get(recordings.part());
                    taken.add(new FoundFile(relative, path, groups.get(), part));
                }
            }
        }
        if (taken.isEmpty()) {
            boolean included = notTaken.containsKey(NO_LABEL);
            String key = included ? "labels.path" : "recordings.include";
            String what = included ? "the label pattern " + description.labels().path() + " matches none of the "
                    + notTaken.get(NO_LABEL).size() + " included files" : "no file in " + folder
                    + " matches the include patterns " + recordings.include();
            int annotations = annotationFiles.values().stream().mapToInt(List::size).sum();
            throw keys.error(key, what + ". Files seen (" + seen.size() + ") and why each was not taken:"
                    + listing(notTaken) + (annotations == 0 ? "" : System.lineSeparator() + "  " + annotations
                    + " taken as annotation files (labels.annotations)"));
        }
    }

    /** The files not taken, grouped by reason, at most {@value #LISTED_FILES} named. */
    static String listing(Map<String, List<String>> notTaken) {
        StringBuilder text = new StringBuilder();
        int listed = 0;
        for (Map.Entry<String, List<String>> reason : notTaken.entrySet()) {
            text.append(System.lineSeparator()).append("  ").append(reason.getValue().size()).append(' ')
                    .append(reason.getKey()).append(':');
            for (String file : reason.getValue()) {
                if (listed++ < LISTED_FILES) {
                    text.append(System.lineSeparator()).append("    ").append(file);
                }
            }
        }
        if (listed > LISTED_FILES) {
            text.append(System.lineSeparator()).append("  ... and ").append(listed - LISTED_FILES).append(" more");
        }
        return text.toString();
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        return globs.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
    }

    private List<Recording> group(List<FoundFile> files) {
        Recordings recordings = description.recordings();
        Map<String, Recording> byId = new LinkedHashMap<>();
        for (FoundFile file : files) {
            Map<String, String> identity = new LinkedHashMap<>();
            file.groups().forEach((group, value) -> {
                boolean identifies = recordings.recording().isEmpty() ? !group.equals(recordings.part())
                        : recordings.recording().contains(group);
                if (identifies) {
                    identity.put(group, value);
                }
            });
            String id = recordings.recording().isEmpty() && recordings.part() == null ? file.relative()
                    : String.join("/", identity.values());
            byId.computeIfAbsent(id, k -> new Recording(k, identity)).files.add(file);
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * An error for each recording holding two files of one part: the path groups of
     * {@code recordings.recording} do not tell its files apart, and reading would keep one of them.
     */
    private List<String> duplicateParts(List<Recording> recordings) {
        String part = description.recordings().part();
        List<String> errors = new ArrayList<>();
        for (Recording recording : recordings) {
            Map<String, List<String>> byPart = new LinkedHashMap<>();
            recording.files.forEach(f -> byPart.computeIfAbsent(f.part() == null ? "" : f.part(), k -> new ArrayList<>())
                    .add(f.relative()));
            byPart.forEach((name, files) -> {
                if (files.size() > 1) {
                    errors.add("recording " + recording.id + " has " + files.size() + " files" + (part == null ? ""
                            : " of part " + part + " = '" + name + "'") + ", one expected: " + String.join(", ", files)
                            + "; the path groups of " + keys.cite("recordings.recording") + " do not tell them apart"
                            + " (add the group that does, e.g. the set)");
                }
            });
        }
        return errors;
    }

    /** A part named by a channel or a place that no file has is a typo that would silently skip columns. */
    private void partsExist(List<FoundFile> taken) {
        List<String> parts = taken.stream().map(FoundFile::part).filter(p -> p != null).distinct().sorted().toList();
        for (int i = 0; i < description.channels().size(); i++) {
            String part = description.channels().get(i).part();
            if (part != null && !parts.contains(part)) {
                throw keys.error("channels[" + i + "].part", "no recording file has part '" + part + "'; parts found: "
                        + String.join(", ", parts));
            }
        }
        for (String part : description.places().keySet()) {
            if (!parts.contains(part)) {
                throw keys.error("places." + part, "no recording file has part '" + part + "'; parts found: "
                        + String.join(", ", parts));
            }
        }
    }

    /** Notes for counts whose condition matches no file, and annotation patterns that match no file. */
    private void unmatchedConditions(List<FoundFile> taken,
            Map<Integer, List<Map.Entry<String, Map<String, String>>>> annotationFiles, List<String> notes) {
        List<Count> counts = description.labels().counts();
        for (int i = 0; i < counts.size(); i++) {
            Count count = counts.get(i);
            if (taken.stream().noneMatch(f -> AnnotationReader.matches(f.groups(), count.where()))) {
                notes.add("labels.counts[" + i + "] (line " + keys.line("labels.counts[" + i + "]") + ") matches no recording");
            }
        }
        for (int i = 0; i < description.labels().annotations().size(); i++) {
            if (!annotationFiles.containsKey(i)) {
                notes.add("labels.annotations[" + i + "].file (line " + keys.line("labels.annotations[" + i + "].file")
                        + ") matches no file: " + description.labels().annotations().get(i).file());
            }
        }
    }

    private void counts(List<Recording> recordings) {
        for (Recording recording : recordings) {
            Map<String, String> groups = recording.files.getFirst().groups();
            for (Count count : description.labels().counts()) {
                if (AnnotationReader.matches(groups, count.where())) {
                    recording.count = count.count();
                    break;
                }
            }
        }
    }

    /** The annotations of the description, for the report. */
    List<Annotation> annotations() {
        return description.labels().annotations();
    }
}
