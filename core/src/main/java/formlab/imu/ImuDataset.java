package formlab.imu;

import formlab.data.DataOrigin;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A set of IMU recordings and where they came from.
 *
 * @param recordings every recording, bad-form sets included (flagged in {@link SetInfo#badForm()})
 * @param origin     real dataset or simulated default
 */
public record ImuDataset(List<ImuRecording> recordings, DataOrigin origin) {

    public ImuDataset {
        recordings = List.copyOf(recordings);
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Groups of recordings that are copies of each other by content: the same accelerometer and
     * gyroscope values, whatever their timestamps or names (a set copied under another participant
     * would otherwise leak across the participant split). Empty when every recording is distinct.
     */
    public List<List<ImuRecording>> copies() {
        java.util.Map<String, List<ImuRecording>> byValues = new java.util.LinkedHashMap<>();
        for (ImuRecording recording : recordings) {
            byValues.computeIfAbsent(valueHash(recording), k -> new java.util.ArrayList<>()).add(recording);
        }
        return byValues.values().stream().filter(group -> group.size() > 1).map(List::copyOf).toList();
    }

    /** One line per group of {@link #copies()}, naming the sets and their files. */
    public List<String> describeCopies() {
        return copies().stream().map(group -> "same values: " + String.join(" = ", group.stream()
                .map(r -> r.info().id() + (r.sources().isEmpty() ? "" : " (" + r.sources().getFirst().getFileName() + ")"))
                .toList())).toList();
    }

    private static String valueHash(ImuRecording recording) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(24);
            for (SensorSeries series : List.of(recording.accelerometer(), recording.gyroscope())) {
                buffer.clear();
                buffer.putInt(series.size());
                digest.update(buffer.array(), 0, 4);
                for (int i = 0; i < series.size(); i++) {
                    buffer.clear();
                    buffer.putDouble(series.value(0, i)).putDouble(series.value(1, i)).putDouble(series.value(2, i));
                    digest.update(buffer.array());
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Recordings of normal sets: bad-form sets left out, rest included (it is a class). */
    public List<ImuRecording> normalSets() {
        return recordings.stream().filter(r -> !r.info().badForm()).toList();
    }

    /** Barbell sets with a protocol repetition count: no rest, no bad form. */
    public List<ImuRecording> liftSets() {
        return recordings.stream().filter(r -> r.info().expectedReps().isPresent()).toList();
    }

    /** The deliberately bad-form sets, kept apart from the classes. */
    public List<ImuRecording> badFormSets() {
        return recordings.stream().filter(r -> r.info().badForm()).toList();
    }

    /**
     * A smaller dataset for quick runs (smoke mode): up to {@code perParticipantAndExercise} normal
     * sets of every participant and exercise (rest included), bad-form sets left out. The sets are
     * taken alternately starting with heavy or medium (by participant and exercise), so both loads
     * stay in the data.
     */
    public ImuDataset reduced(int perParticipantAndExercise) {
        List<String> people = participants();
        List<ImuRecording> kept = new java.util.ArrayList<>();
        for (String person : people) {
            for (Exercise exercise : Exercise.values()) {
                List<ImuRecording> group = new java.util.ArrayList<>(normalSets().stream()
                        .filter(r -> r.info().participant().equals(person) && r.info().exercise() == exercise).toList());
                Intensity first = (people.indexOf(person) + exercise.ordinal()) % 2 == 0 ? Intensity.HEAVY : Intensity.MEDIUM;
                group.sort(java.util.Comparator.comparing((ImuRecording r) -> r.info().intensity() != first));
                kept.addAll(group.subList(0, Math.min(perParticipantAndExercise, group.size())));
            }
        }
        return new ImuDataset(kept, new DataOrigin(origin.dataset(), origin.real(), origin.location(),
                kept.size() + " of " + recordings.size() + " sets (reduced for a quick run)"));
    }

    /** Participant codes, sorted. */
    public List<String> participants() {
        return List.copyOf(new TreeSet<>(recordings.stream().map(r -> r.info().participant()).toList()));
    }

    /** The first normal set of {@code exercise}, if any. */
    public java.util.Optional<ImuRecording> firstOf(Exercise exercise) {
        return normalSets().stream().filter(r -> r.info().exercise() == exercise).findFirst();
    }

    /**
     * One row per recording: set id, participant, exercise, intensity, variant, set number, RPE,
     * bad form, expected reps (-1 when none), sample counts, measured rates, duration, sensor
     * start offset and number of gaps.
     */
    public Table summaryTable() {
        StringColumn id = StringColumn.create("set_id");
        StringColumn participant = StringColumn.create("participant");
        StringColumn exercise = StringColumn.create("exercise");
        StringColumn intensity = StringColumn.create("intensity");
        StringColumn variant = StringColumn.create("variant");
        IntColumn setNumber = IntColumn.create("set_number");
        IntColumn rpe = IntColumn.create("rpe");
        BooleanColumn badForm = BooleanColumn.create("bad_form");
        IntColumn expected = IntColumn.create("expected_reps");
        IntColumn accSamples = IntColumn.create("acc_samples");
        IntColumn gyrSamples = IntColumn.create("gyr_samples");
        DoubleColumn accRate = DoubleColumn.create("acc_rate_hz");
        DoubleColumn gyrRate = DoubleColumn.create("gyr_rate_hz");
        DoubleColumn duration = DoubleColumn.create("duration_s");
        IntColumn offset = IntColumn.create("gyr_minus_acc_start_ms");
        IntColumn gaps = IntColumn.create("gaps");
        for (ImuRecording r : recordings) {
            SetInfo info = r.info();
            id.append(info.id());
            participant.append(info.participant());
            exercise.append(info.exercise().label());
            intensity.append(info.intensity().label());
            variant.append(info.variant());
            setNumber.append(info.setNumber());
            rpe.append(info.rpe());
            badForm.append(info.badForm());
            expected.append(info.expectedReps().orElse(-1));
            accSamples.append(r.accelerometer().size());
            gyrSamples.append(r.gyroscope().size());
            accRate.append(round(r.accelerometer().measuredRateHz(), 2));
            gyrRate.append(round(r.gyroscope().measuredRateHz(), 2));
            duration.append(round(r.overlapSeconds(), 1));
            offset.append((int) r.startOffsetMillis());
            gaps.append(r.accelerometer().gaps().size() + r.gyroscope().gaps().size());
        }
        return Table.create("Recordings (" + origin.dataset() + ")", id, participant, exercise, intensity, variant,
                setNumber, rpe, badForm, expected, accSamples, gyrSamples, accRate, gyrRate, duration, offset, gaps);
    }

    /** Number of normal sets per participant (rows) and exercise (columns), with totals. */
    public Table setsPerParticipantAndExercise() {
        List<ImuRecording> sets = normalSets();
        StringColumn participant = StringColumn.create("participant");
        List<IntColumn> perExercise = java.util.Arrays.stream(Exercise.values())
                .map(e -> IntColumn.create(e.label())).toList();
        IntColumn total = IntColumn.create("total");
        List<String> people = new java.util.ArrayList<>(participants());
        people.add("all");
        for (String person : people) {
            participant.append(person);
            int sum = 0;
            for (Exercise exercise : Exercise.values()) {
                int count = (int) sets.stream().filter(r -> r.info().exercise() == exercise
                        && (person.equals("all") || r.info().participant().equals(person))).count();
                perExercise.get(exercise.ordinal()).append(count);
                sum += count;
            }
            total.append(sum);
        }
        Table table = Table.create("Sets per participant and exercise (bad-form sets excluded)", participant);
        perExercise.forEach(table::addColumns);
        table.addColumns(total);
        return table;
    }

    /**
     * Per exercise: number of sets and participants, mean / min / max set duration (s) and mean
     * measured sample rates, computed with Tablesaw's {@code summarize(...).by("exercise")}.
     */
    public Table perExerciseSummary() {
        Table sets = summaryTable().where(summaryTable().booleanColumn("bad_form").isFalse());
        Table durations = sets.summarize("duration_s", tech.tablesaw.aggregate.AggregateFunctions.count,
                tech.tablesaw.aggregate.AggregateFunctions.mean, tech.tablesaw.aggregate.AggregateFunctions.min,
                tech.tablesaw.aggregate.AggregateFunctions.max).by("exercise");
        Table rates = sets.summarize("acc_rate_hz", "gyr_rate_hz", tech.tablesaw.aggregate.AggregateFunctions.mean)
                .by("exercise");
        Table people = sets.summarize("participant", tech.tablesaw.aggregate.AggregateFunctions.countUnique).by("exercise");
        Table joined = durations.joinOn("exercise").inner(rates).joinOn("exercise").inner(people);
        joined.setName("Per exercise: sets, duration (s), measured rates (Hz), participants");
        for (int c = 0; c < joined.columnCount(); c++) {
            if (joined.column(c) instanceof DoubleColumn numbers) {
                joined.replaceColumn(c, numbers.map(v -> round(v, 2)).setName(numbers.name()));
            }
        }
        return joined;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d recordings (%d normal, %d bad form) from %d participants; %s",
                recordings.size(), normalSets().size(), badFormSets().size(), participants().size(), origin.summary());
    }
}
