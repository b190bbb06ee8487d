package formlab.imu.sim;

import formlab.imu.Exercise;
import formlab.imu.ImuRecording;
import formlab.imu.Intensity;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.SetInfo;
import formlab.imu.metawear.MetaWearCsvWriter;
import formlab.imu.metawear.MetaWearFileName;
import formlab.imu.metawear.MetaWearRates;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulates wrist-worn MetaWear recordings of barbell sets and writes them in exactly the
 * MetaWear export format and naming.
 *
 * <h2>Motion model</h2>
 * <ul>
 *   <li><b>Set structure.</b> A set is a lead-in (1.5-3 s: the lifter unracks and settles, the
 *   wrist tilts by 5-15 degrees and comes back), the repetitions (heavy: 5, medium: 10, exactly as
 *   the protocol says; each lasts the exercise's period x the participant's tempo x 1.15 when heavy,
 *   jittered by 7%, followed by a pause of 0-0.3 s, 0.2-0.8 s when heavy) and a tail (1-2.5 s,
 *   re-racking: another slow tilt). Rest recordings last 30-40 s without repetitions.</li>
 *   <li><b>One repetition.</b> The bar follows a displacement profile {@code u(phase) = (1 -
 *   cos(2 pi w(phase))) / 2} from 0 to 1 and back, where {@code w} is a piecewise-linear time warp
 *   so that the first half takes {@code firstPhaseFraction} of the time (lowering is slower than
 *   lifting). Its second time derivative, scaled to the exercise's peak acceleration
 *   ({@link ExerciseMotion#verticalG()}) and signed by whether the repetition starts upwards,
 *   is the vertical acceleration; a smaller sideways acceleration follows the same profile along
 *   {@link ExerciseMotion#horizontal()}. The wrist turns about {@link ExerciseMotion#rotationAxis()}
 *   by {@code rotationDegrees x u}, so the gyroscope reads the angle's time derivative (exactly,
 *   from the analytic derivative) and gravity's direction in the sensor frame moves with it.</li>
 *   <li><b>Gravity and orientation.</b> The accelerometer reads specific force: 1 g along the
 *   exercise's "up" vector ({@link ExerciseMotion#up()}, taken from the mean orientation of the real
 *   recordings: bench and press look alike, so do deadlift and row, squat differs) plus the bar's
 *   acceleration, rotated into the sensor frame by the current wrist rotation, lead-in tilt and a
 *   slow postural sway (three sinusoids at 0.1-0.35 Hz, 1.5 degrees).</li>
 *   <li><b>Rest.</b> Sitting or standing orientation, sway, and fidgets: one every 1-6 s, a
 *   Gaussian-shaped turn of 15-60 degrees about a random axis lasting 0.3-1 s.</li>
 *   <li><b>Participants.</b> Each has a tempo factor (0.85-1.2), an amplitude factor (0.8-1.25), a
 *   sensor mounting rotation (up to 8 degrees about a random axis, applied to both sensors), a noise
 *   factor (0.7-1.4), a gyroscope bias (+-1.5 deg/s per axis) and an accelerometer bias (+-0.02 g).</li>
 *   <li><b>Sensor.</b> White noise of 0.012 g and 1.5 deg/s (times the noise factor), values rounded to
 *   3 decimals as in the exports. Accelerometer at 12.5 Hz, gyroscope at 25 Hz; each clock starts at
 *   its own random 30-200 ms after the start stamp in the file name, so rows do not line up. With
 *   probability {@link SimulationSettings#dropoutProbability()} a set loses 1.5-3.5 s of both sensors.</li>
 * </ul>
 * Every random choice comes from a {@link SplittableRandom} seeded from the settings' seed and the
 * participant / set index, so a set does not change when other sets are added.
 */
public final class BarbellSimulator {

    /** Firmware version written into file names, as in the real exports. */
    public static final String FIRMWARE = "1.4.4";

    private static final double[] SITTING_UP = ExerciseMotion.of(Exercise.REST).up();
    private static final Exercise[] LIFTS = {Exercise.BENCH, Exercise.DEAD, Exercise.OHP, Exercise.ROW, Exercise.SQUAT};

    private final SimulationSettings settings;

    /** A simulator for the given settings. */
    public BarbellSimulator(SimulationSettings settings) {
        this.settings = settings;
    }

    /** The settings. */
    public SimulationSettings settings() {
        return settings;
    }

    /** Individual traits of one simulated participant. */
    record Participant(String code, double tempo, double amplitude, double[] mountAxis, double mountDegrees,
                       double noise, double[] gyroBias, double[] accBias) {
    }

    Participant participant(int index) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + index);
        return new Participant("S" + (index + 1), uniform(random, 0.85, 1.2), uniform(random, 0.8, 1.25),
                randomAxis(random), uniform(random, 0, 8), uniform(random, 0.7, 1.4),
                new double[] {uniform(random, -1.5, 1.5), uniform(random, -1.5, 1.5), uniform(random, -1.5, 1.5)},
                new double[] {uniform(random, -0.02, 0.02), uniform(random, -0.02, 0.02), uniform(random, -0.02, 0.02)});
    }

    /** The plan of every set, in the order they are generated. */
    public List<SimulatedSet> plan() {
        List<SimulatedSet> sets = new ArrayList<>();
        for (int p = 0; p < settings.participants(); p++) {
            Participant person = participant(p);
            LocalDateTime clock = LocalDateTime.of(2024, 3, 4, 17, 0).plusDays(p);
            String device = String.format(Locale.ROOT, "51A00000%04X", p + 1);
            int setIndex = 0;
            for (Exercise exercise : LIFTS) {
                for (Intensity intensity : List.of(Intensity.HEAVY, Intensity.MEDIUM)) {
                    int count = intensity == Intensity.HEAVY ? settings.heavySets() : settings.mediumSets();
                    for (int n = 1; n <= count; n++) {
                        long seed = setSeed(p, setIndex++);
                        SplittableRandom random = new SplittableRandom(seed);
                        int rpe = intensity == Intensity.HEAVY ? 7 + random.nextInt(3) : 6 + random.nextInt(3);
                        clock = clock.plusSeconds(150 + random.nextInt(90)).plusNanos(random.nextInt(1000) * 1_000_000L);
                        SetInfo info = new SetInfo(person.code(), exercise, intensity, "", n, rpe, clock, device, false);
                        sets.add(planLift(info, person, random, seed));
                    }
                }
            }
            if (settings.includeRest()) {
                for (String variant : List.of("sitting", "standing")) {
                    long seed = setSeed(p, setIndex++);
                    SplittableRandom random = new SplittableRandom(seed);
                    clock = clock.plusSeconds(120 + random.nextInt(60)).plusNanos(random.nextInt(1000) * 1_000_000L);
                    SetInfo info = new SetInfo(person.code(), Exercise.REST, Intensity.NONE, variant, 0, 0, clock, device, false);
                    sets.add(new SimulatedSet(info, List.of(), List.of(), uniform(random, 30, 40), seed));
                }
            }
        }
        return sets;
    }

    private long setSeed(int participant, int setIndex) {
        return new SplittableRandom(settings.seed() ^ (participant * 0x9E3779B97F4A7C15L) ^ (setIndex * 0xC2B2AE3D27D4EB4FL)).nextLong();
    }

    private static SimulatedSet planLift(SetInfo info, Participant person, SplittableRandom random, long seed) {
        ExerciseMotion motion = ExerciseMotion.of(info.exercise());
        boolean heavy = info.intensity() == Intensity.HEAVY;
        int reps = info.intensity().protocolReps().orElseThrow();
        double period = motion.periodSeconds() * person.tempo() * (heavy ? 1.15 : 1.0);
        double t = uniform(random, 1.5, 3.0);
        List<Double> starts = new ArrayList<>();
        List<Double> durations = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            double duration = period * (1 + 0.07 * clamp(random.nextGaussian(), -2, 2));
            starts.add(t);
            durations.add(duration);
            t += duration + (heavy ? uniform(random, 0.2, 0.8) : uniform(random, 0.0, 0.3));
        }
        return new SimulatedSet(info, starts, durations, t + uniform(random, 1.0, 2.5), seed);
    }

    /** Simulates one planned set in memory (no files). */
    public ImuRecording simulate(SimulatedSet set) {
        int p = Integer.parseInt(set.info().participant().substring(1)) - 1;
        Participant person = participant(p);
        SplittableRandom random = new SplittableRandom(set.seed() ^ 0x5DEECE66DL);
        Motion motion = new Motion(set, person, random);
        long startMillis = set.info().start().toInstant(MetaWearCsvWriter.TIME_COLUMN_OFFSET).toEpochMilli();
        double accOffset = uniform(random, 0.03, 0.2);
        double gyrOffset = uniform(random, 0.03, 0.2);
        double[] dropout = random.nextDouble() < settings.dropoutProbability()
                ? new double[] {uniform(random, 2, Math.max(2.5, set.seconds() - 6)), 0}
                : null;
        if (dropout != null) {
            dropout[1] = dropout[0] + uniform(random, 1.5, 3.5);
        }
        SensorSeries acc = sample(SensorKind.ACCELEROMETER, MetaWearRates.ACCELEROMETER_HZ, startMillis, accOffset, set.seconds(), dropout,
                motion, person, random);
        SensorSeries gyr = sample(SensorKind.GYROSCOPE, MetaWearRates.GYROSCOPE_HZ, startMillis, gyrOffset, set.seconds(), dropout,
                motion, person, random);
        return new ImuRecording(set.info(), acc, gyr, List.of());
    }

    private static SensorSeries sample(SensorKind kind, double rateHz, long startMillis, double offset, double seconds,
                                       double[] dropout, Motion motion, Participant person, SplittableRandom random) {
        long periodMillis = Math.round(1000 / rateHz);
        long firstMillis = startMillis + Math.round(offset * 1000);
        int n = (int) Math.floor((seconds - offset) * rateHz);
        long[] time = new long[n];
        double[][] axes = new double[3][n];
        int kept = 0;
        boolean accelerometer = kind == SensorKind.ACCELEROMETER;
        double sigma = (accelerometer ? 0.012 : 1.5) * person.noise();
        for (int i = 0; i < n; i++) {
            long t = firstMillis + i * periodMillis;
            double s = (t - startMillis) / 1000.0;
            if (dropout != null && s > dropout[0] && s < dropout[1]) {
                continue;
            }
            double[] value = accelerometer ? motion.specificForce(s) : motion.angularVelocity(s);
            double[] bias = accelerometer ? person.accBias() : person.gyroBias();
            time[kept] = t;
            for (int a = 0; a < 3; a++) {
                axes[a][kept] = Math.round((value[a] + bias[a] + sigma * random.nextGaussian()) * 1000) / 1000.0;
            }
            kept++;
        }
        return new SensorSeries(kind, rateHz, Arrays.copyOf(time, kept), Arrays.copyOf(axes[0], kept),
                Arrays.copyOf(axes[1], kept), Arrays.copyOf(axes[2], kept));
    }

    /**
     * Writes every planned set into {@code folder} as MetaWear CSV files (two per set) and returns
     * the plans. Existing files with the same names are replaced atomically.
     */
    public List<SimulatedSet> writeTo(Path folder) {
        List<SimulatedSet> sets = plan();
        for (SimulatedSet set : sets) {
            ImuRecording recording = simulate(set);
            MetaWearCsvWriter.write(recording.accelerometer(), folder.resolve(
                    MetaWearFileName.format(set.info(), SensorKind.ACCELEROMETER, MetaWearRates.ACCELEROMETER_HZ, FIRMWARE)));
            MetaWearCsvWriter.write(recording.gyroscope(), folder.resolve(
                    MetaWearFileName.format(set.info(), SensorKind.GYROSCOPE, MetaWearRates.GYROSCOPE_HZ, FIRMWARE)));
        }
        return sets;
    }

    /** The continuous motion of one set: specific force (g) and angular velocity (deg/s) at any time. */
    private static final class Motion {
        private final SimulatedSet set;
        private final ExerciseMotion exercise;
        private final double[] up;
        private final double[] horizontal;
        private final double amplitude;
        private final double sign;
        private final double[] mountAxis;
        private final double mountRadians;
        private final double[] tiltAxis;
        private final double leadTilt;
        private final double tailTilt;
        private final double leadEnd;
        private final double tailStart;
        private final double[] swayAxis;
        private final double[] swayFreq = new double[3];
        private final double[] swayPhase = new double[3];
        private final List<double[]> fidgets = new ArrayList<>();

        Motion(SimulatedSet set, Participant person, SplittableRandom random) {
            this.set = set;
            this.exercise = ExerciseMotion.of(set.info().exercise());
            boolean standing = set.info().variant().equals("standing");
            this.up = set.info().exercise() == Exercise.REST ? (standing ? ExerciseMotion.standingUp() : SITTING_UP) : exercise.up();
            this.horizontal = orthogonal(exercise.horizontal(), up);
            this.amplitude = person.amplitude();
            this.sign = exercise.upFirst() ? 1 : -1;
            this.mountAxis = person.mountAxis();
            this.mountRadians = Math.toRadians(person.mountDegrees());
            this.tiltAxis = orthogonal(randomAxis(random), up);
            this.leadTilt = Math.toRadians(uniform(random, 5, 15));
            this.tailTilt = Math.toRadians(uniform(random, 5, 15));
            this.leadEnd = set.reps() > 0 ? set.repStarts().get(0) : 0;
            this.tailStart = set.reps() > 0 ? set.repStarts().get(set.reps() - 1) + set.repDurations().get(set.reps() - 1) : set.seconds();
            this.swayAxis = randomAxis(random);
            for (int k = 0; k < 3; k++) {
                swayFreq[k] = uniform(random, 0.1, 0.35);
                swayPhase[k] = uniform(random, 0, 2 * Math.PI);
            }
            if (set.info().exercise() == Exercise.REST) {
                for (double t = uniform(random, 0, 6); t < set.seconds(); t += uniform(random, 1, 6)) {
                    double[] axis = randomAxis(random);
                    fidgets.add(new double[] {t, Math.toRadians(uniform(random, 15, 60)) * (random.nextBoolean() ? 1 : -1),
                            uniform(random, 0.3, 1.0), axis[0], axis[1], axis[2]});
                }
            }
        }

        /** Displacement profile u, du/dt and d2u/dt2 (normalised so the peak of d2u/dt2 is 1) at time t. */
        private double[] profile(double t) {
            for (int r = 0; r < set.reps(); r++) {
                double start = set.repStarts().get(r);
                double duration = set.repDurations().get(r);
                if (t >= start && t < start + duration) {
                    double phase = (t - start) / duration;
                    double f = exercise.firstPhaseFraction();
                    double slope = phase < f ? 1 / (2 * f) : 1 / (2 * (1 - f));
                    double w = phase < f ? phase * slope : 0.5 + (phase - f) * slope;
                    double maxSlope = 1 / (2 * Math.min(f, 1 - f));
                    double u = (1 - Math.cos(2 * Math.PI * w)) / 2;
                    double du = Math.PI * slope * Math.sin(2 * Math.PI * w) / duration;
                    double d2u = (slope * slope) / (maxSlope * maxSlope) * Math.cos(2 * Math.PI * w);
                    return new double[] {u, du, d2u};
                }
            }
            return new double[] {0, 0, 0};
        }

        /** Slow tilt before the first and after the last repetition: angle and its rate. */
        private double[] tilt(double t) {
            if (t < leadEnd) {
                double x = t / leadEnd;
                return new double[] {leadTilt * Math.sin(Math.PI * x), leadTilt * Math.PI * Math.cos(Math.PI * x) / leadEnd};
            }
            if (t > tailStart && set.reps() > 0) {
                double length = set.seconds() - tailStart;
                double x = (t - tailStart) / length;
                return new double[] {tailTilt * Math.sin(Math.PI * x), tailTilt * Math.PI * Math.cos(Math.PI * x) / length};
            }
            return new double[] {0, 0};
        }

        private double[] sway(double t) {
            double angle = 0;
            double rate = 0;
            double amplitude = Math.toRadians(1.5) / 3;
            for (int k = 0; k < 3; k++) {
                double omega = 2 * Math.PI * swayFreq[k];
                angle += amplitude * Math.sin(omega * t + swayPhase[k]);
                rate += amplitude * omega * Math.cos(omega * t + swayPhase[k]);
            }
            return new double[] {angle, rate};
        }

        double[] specificForce(double t) {
            double[] u = profile(t);
            double vertical = sign * exercise.verticalG() * amplitude * u[2];
            double sideways = exercise.horizontalG() * amplitude * u[2];
            double[] force = new double[3];
            for (int a = 0; a < 3; a++) {
                force[a] = (1 + vertical) * up[a] + sideways * horizontal[a];
            }
            // The sensor turns by +angle, so vectors fixed in the world turn by -angle in its frame.
            force = rotate(force, exercise.rotationAxis(), -Math.toRadians(exercise.rotationDegrees()) * amplitude * u[0]);
            force = rotate(force, tiltAxis, -tilt(t)[0]);
            force = rotate(force, swayAxis, -sway(t)[0]);
            for (double[] fidget : fidgets) {
                force = rotate(force, Arrays.copyOfRange(fidget, 3, 6), -fidgetAngle(fidget, t)[0]);
            }
            return rotate(force, mountAxis, mountRadians);
        }

        double[] angularVelocity(double t) {
            double[] omega = new double[3];
            double rotation = exercise.rotationDegrees() * amplitude * profile(t)[1];
            double tiltRate = Math.toDegrees(tilt(t)[1]);
            double swayRate = Math.toDegrees(sway(t)[1]);
            for (int a = 0; a < 3; a++) {
                omega[a] = rotation * exercise.rotationAxis()[a] + tiltRate * tiltAxis[a] + swayRate * swayAxis[a];
            }
            for (double[] fidget : fidgets) {
                double rate = Math.toDegrees(fidgetAngle(fidget, t)[1]);
                for (int a = 0; a < 3; a++) {
                    omega[a] += rate * fidget[3 + a];
                }
            }
            return rotate(omega, mountAxis, mountRadians);
        }

        private static double[] fidgetAngle(double[] fidget, double t) {
            double z = (t - fidget[0]) / fidget[2];
            double g = Math.exp(-0.5 * z * z);
            return new double[] {fidget[1] * g, -fidget[1] * z / fidget[2] * g};
        }
    }

    /** Rodrigues' rotation of {@code v} about unit {@code axis} by {@code angle} radians. */
    static double[] rotate(double[] v, double[] axis, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double dot = axis[0] * v[0] + axis[1] * v[1] + axis[2] * v[2];
        double[] cross = {axis[1] * v[2] - axis[2] * v[1], axis[2] * v[0] - axis[0] * v[2], axis[0] * v[1] - axis[1] * v[0]};
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) {
            out[a] = v[a] * c + cross[a] * s + axis[a] * dot * (1 - c);
        }
        return out;
    }

    private static double[] orthogonal(double[] v, double[] reference) {
        double dot = v[0] * reference[0] + v[1] * reference[1] + v[2] * reference[2];
        return ExerciseMotion.unit(v[0] - dot * reference[0], v[1] - dot * reference[1], v[2] - dot * reference[2]);
    }

    private static double[] randomAxis(SplittableRandom random) {
        return ExerciseMotion.unit(random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
