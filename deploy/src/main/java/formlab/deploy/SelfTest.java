package formlab.deploy;

import formlab.deploy.session.SessionLog;
import formlab.deploy.session.SessionLogReader;
import formlab.deploy.session.SetRecord;
import formlab.imu.Exercise;
import formlab.imu.ImuRecording;
import formlab.imu.Intensity;
import formlab.imu.SensorKind;
import formlab.imu.metawear.MetaWearCsvWriter;
import formlab.imu.metawear.MetaWearFileName;
import formlab.imu.metawear.MetaWearRates;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulatedSet;
import formlab.imu.sim.SimulationSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --self-test}: checks an installed tracker without sensor or wiring. A medium squat set
 * from the library's simulator is written as a MetaWear pair, replayed on the mock platform with
 * the real model, and the result checked: one logged set, as many rep LED pulses as repetitions,
 * raw files written. It runs every class the live path needs, so a bundle that lacks one fails here.
 */
final class SelfTest {

    private SelfTest() {
    }

    /** Writes a simulated medium squat set into {@code folder}; returns its accelerometer file. */
    static Path writeSimulatedSet(Path folder) {
        BarbellSimulator simulator = new BarbellSimulator(SimulationSettings.defaults());
        SimulatedSet set = simulator.plan().stream()
                .filter(s -> s.info().exercise() == Exercise.SQUAT && s.info().intensity() == Intensity.MEDIUM)
                .findFirst().orElseThrow();
        ImuRecording recording = simulator.simulate(set);
        Path acc = folder.resolve(MetaWearFileName.format(set.info(), SensorKind.ACCELEROMETER,
                MetaWearRates.ACCELEROMETER_HZ, BarbellSimulator.FIRMWARE));
        MetaWearCsvWriter.write(recording.accelerometer(), acc);
        MetaWearCsvWriter.write(recording.gyroscope(), folder.resolve(MetaWearFileName.format(set.info(),
                SensorKind.GYROSCOPE, MetaWearRates.GYROSCOPE_HZ, BarbellSimulator.FIRMWARE)));
        return acc;
    }

    /** Checks the session the replay left in {@code sessions} and the LED pulses seen; returns the exit status. */
    static int check(Path sessions, int ledPulses, PrintStream out) {
        List<SetRecord> sets = SessionLogReader.read(sessions.resolve(SessionLog.FILE_NAME)).records();
        if (sets.size() != 1) {
            out.println("self-test FAILED: expected one logged set, found " + sets.size());
            return 1;
        }
        SetRecord set = sets.getFirst();
        if (ledPulses != set.reps() || set.rawFiles().size() != 2 || set.reps() == 0) {
            out.println("self-test FAILED: " + ledPulses + " rep LED pulses for " + set);
            return 1;
        }
        out.println("self-test OK: simulated medium squat set recognised as " + set.exercise() + ", " + set.reps()
                + " repetitions, " + ledPulses + " rep LED pulses, raw files written, outputs off");
        return 0;
    }
}
