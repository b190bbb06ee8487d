package formlab.deploy;

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
import java.nio.file.Path;

/** Simulated barbell sets written as MetaWear pairs: a recording to replay when the real data is absent. */
final class SimulatedSets {

    private SimulatedSets() {
    }

    /** Writes the first simulated set of {@code exercise} at {@code intensity} into {@code folder}; returns its accelerometer file. */
    static Path write(Path folder, Exercise exercise, Intensity intensity) {
        BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(7, 1, 1, 1, false, 0));
        SimulatedSet set = simulator.plan().stream()
                .filter(s -> s.info().exercise() == exercise && s.info().intensity() == intensity).findFirst().orElseThrow();
        ImuRecording recording = simulator.simulate(set);
        Path acc = folder.resolve(MetaWearFileName.format(set.info(), SensorKind.ACCELEROMETER,
                MetaWearRates.ACCELEROMETER_HZ, BarbellSimulator.FIRMWARE));
        MetaWearCsvWriter.write(recording.accelerometer(), acc);
        MetaWearCsvWriter.write(recording.gyroscope(), folder.resolve(MetaWearFileName.format(set.info(), SensorKind.GYROSCOPE,
                MetaWearRates.GYROSCOPE_HZ, BarbellSimulator.FIRMWARE)));
        return acc;
    }
}
