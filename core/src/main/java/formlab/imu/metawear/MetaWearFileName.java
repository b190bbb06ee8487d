package formlab.imu.metawear;

import formlab.imu.Exercise;
import formlab.imu.ImuDataException;
import formlab.imu.ImuDataException.Problem;
import formlab.imu.Intensity;
import formlab.imu.SensorKind;
import formlab.imu.SetInfo;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata a MetaWear export carries in its file name:
 * {@code <participant>-<exercise>-<qualifier>[n][-rpeN]_MetaWear_<start>_<device>_<Sensor>_<rate>Hz_<firmware>.csv},
 * for example {@code A-bench-heavy2-rpe8_MetaWear_2019-01-11T16.10.08.270_C42732BE255C_Accelerometer_12.500Hz_1.4.4.csv}.
 *
 * <p>The qualifier is {@code heavy} or {@code medium} for lifts, a free word for rest
 * ({@code sitting}, {@code standing}) and for the bad-form sets ({@code half}, {@code high}).
 * Spaces before {@code _MetaWear} occur in the real data ({@code "A-bench-half _MetaWear..."})
 * and are ignored.
 *
 * @param file       the file
 * @param set        the set the file belongs to
 * @param sensor     accelerometer or gyroscope
 * @param rateHz     sample rate written in the name
 * @param firmware   firmware version written in the name, e.g. {@code 1.4.4}
 */
public record MetaWearFileName(Path file, SetInfo set, SensorKind sensor, double rateHz, String firmware) {

    /** Time format of the start stamp in file names, e.g. {@code 2019-01-11T16.10.08.270}. */
    public static final DateTimeFormatter START_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss.SSS");

    private static final Pattern NAME = Pattern.compile(
            "(?<participant>[A-Za-z0-9]+)-(?<exercise>[a-z]+)-(?<qualifier>[a-z]+)(?<set>\\d+)?(?:-rpe(?<rpe>\\d+))?\\s*"
                    + "_MetaWear_(?<start>\\d{4}-\\d{2}-\\d{2}T\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{3})"
                    + "_(?<device>[0-9A-Fa-f]+)_(?<sensor>[A-Za-z]+)_(?<rate>\\d+(?:\\.\\d+)?)Hz_(?<firmware>[0-9.]+)\\.csv");

    private static final String EXPECTED = "expected <participant>-<exercise>-<heavy|medium>[n][-rpeN]_MetaWear_"
            + "<yyyy-MM-ddTHH.mm.ss.SSS>_<device>_<Accelerometer|Gyroscope>_<rate>Hz_<firmware>.csv";

    /**
     * Parses the name of {@code file}.
     *
     * @param badForm whether the file lies in a bad-form folder (the name alone does not say)
     * @throws ImuDataException ({@link Problem#BAD_FILE_NAME}) when the name does not follow the scheme
     */
    public static MetaWearFileName parse(Path file, boolean badForm) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new ImuDataException(Problem.BAD_FILE_NAME, file, "file name '" + name + "' does not follow the MetaWear scheme; " + EXPECTED);
        }
        Exercise exercise = Exercise.fromLabel(m.group("exercise"));
        if (exercise == null) {
            throw new ImuDataException(Problem.BAD_FILE_NAME, file, "unknown exercise '" + m.group("exercise")
                    + "' in file name; expected one of bench, dead, ohp, row, squat, rest");
        }
        SensorKind sensor = SensorKind.fromFileToken(m.group("sensor"));
        if (sensor == null) {
            throw new ImuDataException(Problem.BAD_FILE_NAME, file, "unknown sensor '" + m.group("sensor")
                    + "' in file name; expected Accelerometer or Gyroscope");
        }
        String qualifier = m.group("qualifier");
        Intensity intensity = switch (qualifier) {
            case "heavy" -> Intensity.HEAVY;
            case "medium" -> Intensity.MEDIUM;
            default -> Intensity.NONE;
        };
        if (exercise.isLift() && !badForm && intensity == Intensity.NONE) {
            throw new ImuDataException(Problem.BAD_FILE_NAME, file, "intensity '" + qualifier
                    + "' in file name of a lift; expected heavy or medium (bad-form sets belong in a 'form' folder)");
        }
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(m.group("start"), START_FORMAT);
        } catch (DateTimeParseException e) {
            throw new ImuDataException(Problem.BAD_FILE_NAME, file, "start time '" + m.group("start")
                    + "' in file name is not a valid date; expected yyyy-MM-ddTHH.mm.ss.SSS");
        }
        double rate = Double.parseDouble(m.group("rate"));
        if (!(rate > 0)) {
            throw new ImuDataException(Problem.BAD_FILE_NAME, file, "sample rate " + m.group("rate") + " Hz in file name; expected a positive rate");
        }
        SetInfo set = new SetInfo(m.group("participant"), exercise, intensity,
                intensity == Intensity.NONE ? qualifier : "",
                m.group("set") == null ? 0 : Integer.parseInt(m.group("set")),
                m.group("rpe") == null ? 0 : Integer.parseInt(m.group("rpe")),
                start, m.group("device").toUpperCase(Locale.ROOT), badForm);
        return new MetaWearFileName(file, set, sensor, rate, m.group("firmware"));
    }

    /** True when {@code file} looks like a MetaWear export (ends in .csv and contains {@code _MetaWear_}). */
    public static boolean looksLikeMetaWear(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".csv") && name.contains("_MetaWear_");
    }

    /**
     * The file name the MetaWear app would write for this set and sensor (without the stray
     * spaces some real names have).
     */
    public static String format(SetInfo set, SensorKind sensor, double rateHz, String firmware) {
        return set.name() + "_MetaWear_" + START_FORMAT.format(set.start()) + "_" + set.device() + "_"
                + sensor.fileToken() + "_" + String.format(Locale.ROOT, "%.3f", rateHz) + "Hz_" + firmware + ".csv";
    }
}
