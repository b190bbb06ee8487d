package formlab.deploy.session;

import formlab.imu.Exercise;
import formlab.imu.Intensity;
import formlab.imu.SensorKind;
import formlab.imu.SetInfo;
import formlab.imu.metawear.MetaWearCsvWriter;
import formlab.imu.metawear.MetaWearFileName;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the raw samples of a set as a MetaWear accelerometer/gyroscope CSV pair, named as the
 * MetaWear app names its exports, so recorded sets load back through
 * {@code MetaWearDatasetLoader} and can feed labelling and re-training. The exercise in the name
 * is the predicted one (to be reviewed when labelling); participant and intensity come from the
 * configuration. The firmware field of the name is {@value #FIRMWARE}, marking tracker-made files.
 */
public final class RawSetWriter {

    /** Firmware token written into the file names of tracker recordings. */
    public static final String FIRMWARE = "0.1.0";

    private final Path folder;
    private final String participant;
    private final Intensity intensity;
    private final String device;

    /**
     * @param folder      where the files go
     * @param participant participant code (letters and digits)
     * @param intensity   heavy or medium
     * @param device      hexadecimal device id for the names (e.g. bus and address, {@code 0168})
     */
    public RawSetWriter(Path folder, String participant, Intensity intensity, String device) {
        this.folder = folder;
        this.participant = participant;
        this.intensity = intensity;
        this.device = device;
    }

    /**
     * Writes {@code samples} (set {@code setNumber}, predicted {@code label}), each sensor at its
     * nominal rate; returns the two files (accelerometer first). Writes nothing unless both
     * sensors have at least two samples (a lone file would not load back as a set).
     */
    public List<Path> write(SampleBuffer samples, int setNumber, String label, double accelerometerHz, double gyroscopeHz) {
        if (samples.size(SensorKind.ACCELEROMETER) < 2 || samples.size(SensorKind.GYROSCOPE) < 2) {
            return List.of();
        }
        Exercise exercise = Exercise.fromLabel(label);
        LocalDateTime start = LocalDateTime.ofInstant(Instant.ofEpochMilli(samples.firstMillis()),
                MetaWearCsvWriter.TIME_COLUMN_OFFSET);
        SetInfo info = new SetInfo(participant, exercise == null ? Exercise.REST : exercise, intensity, "",
                setNumber, 0, start, device, false);
        List<Path> files = new ArrayList<>();
        for (SensorKind kind : SensorKind.values()) {
            double rateHz = kind == SensorKind.ACCELEROMETER ? accelerometerHz : gyroscopeHz;
            Path file = folder.resolve(MetaWearFileName.format(info, kind, rateHz, FIRMWARE));
            MetaWearCsvWriter.write(samples.series(kind, rateHz), file);
            files.add(file);
        }
        return files;
    }
}
