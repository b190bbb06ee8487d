package formlab.imu.metawear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.Exercise;
import formlab.imu.ImuDataException;
import formlab.imu.Intensity;
import formlab.imu.SensorKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetaWearFileNameTest {

    @Test
    void parsesSetNumberRpeSensorAndRate() {
        MetaWearFileName name = MetaWearFileName.parse(Path.of(
                "A-bench-heavy2-rpe8_MetaWear_2019-01-11T16.10.08.270_C42732BE255C_Accelerometer_12.500Hz_1.4.4.csv"), false);
        assertEquals("A", name.set().participant());
        assertEquals(Exercise.BENCH, name.set().exercise());
        assertEquals(Intensity.HEAVY, name.set().intensity());
        assertEquals(2, name.set().setNumber());
        assertEquals(8, name.set().rpe());
        assertEquals(SensorKind.ACCELEROMETER, name.sensor());
        assertEquals(12.5, name.rateHz(), 1e-12);
        assertEquals("1.4.4", name.firmware());
        assertEquals(5, name.set().expectedReps().getAsInt());
        assertEquals("A-bench-heavy2-rpe8@2019-01-11T16.10.08.270", name.set().id());
    }

    @Test
    void restHasVariantAndNoExpectedReps() {
        MetaWearFileName name = MetaWearFileName.parse(Path.of(
                "A-rest-sitting_MetaWear_2019-01-18T18.22.25.500_C42732BE255C_Gyroscope_25.000Hz_1.4.4.csv"), false);
        assertEquals(Exercise.REST, name.set().exercise());
        assertEquals(Intensity.NONE, name.set().intensity());
        assertEquals("sitting", name.set().variant());
        assertTrue(name.set().expectedReps().isEmpty());
        assertEquals(25.0, name.rateHz(), 1e-12);
    }

    @Test
    void spaceBeforeMetaWearIsIgnoredSoBothSensorsNameTheSameSet() {
        MetaWearFileName acc = MetaWearFileName.parse(Path.of(
                "A-bench-half _MetaWear_2019-01-18T18.28.28.218_C42732BE255C_Accelerometer_12.500Hz_1.4.4.csv"), true);
        MetaWearFileName gyr = MetaWearFileName.parse(Path.of(
                "A-bench-half_MetaWear_2019-01-18T18.28.28.218_C42732BE255C_Gyroscope_25.000Hz_1.4.4.csv"), true);
        assertEquals(acc.set(), gyr.set());
        assertTrue(acc.set().badForm());
        assertTrue(acc.set().expectedReps().isEmpty());
    }

    @Test
    void formatRoundTrips() {
        String original = "C-squat-medium1-rpe7_MetaWear_2019-01-15T20.04.08.630_C42732BE255C_Gyroscope_25.000Hz_1.4.4.csv";
        MetaWearFileName name = MetaWearFileName.parse(Path.of(original), false);
        assertEquals(original, MetaWearFileName.format(name.set(), name.sensor(), name.rateHz(), name.firmware()));
    }

    @Test
    void rejectsUnknownExerciseSensorAndLiftWithoutIntensity() {
        ImuDataException exercise = assertThrows(ImuDataException.class, () -> MetaWearFileName.parse(Path.of(
                "A-curl-heavy_MetaWear_2019-01-11T16.10.08.270_C42732BE255C_Gyroscope_25.000Hz_1.4.4.csv"), false));
        assertEquals(ImuDataException.Problem.BAD_FILE_NAME, exercise.problem());
        assertTrue(exercise.getMessage().contains("curl"), exercise.getMessage());
        ImuDataException sensor = assertThrows(ImuDataException.class, () -> MetaWearFileName.parse(Path.of(
                "A-row-heavy_MetaWear_2019-01-11T16.10.08.270_C42732BE255C_Magnetometer_25.000Hz_1.4.4.csv"), false));
        assertTrue(sensor.getMessage().contains("Magnetometer"), sensor.getMessage());
        ImuDataException lift = assertThrows(ImuDataException.class, () -> MetaWearFileName.parse(Path.of(
                "A-bench-high_MetaWear_2019-01-11T16.10.08.270_C42732BE255C_Gyroscope_25.000Hz_1.4.4.csv"), false));
        assertTrue(lift.getMessage().contains("heavy or medium"), lift.getMessage());
        ImuDataException garbage = assertThrows(ImuDataException.class,
                () -> MetaWearFileName.parse(Path.of("notes_MetaWear_.csv"), false));
        assertTrue(garbage.getMessage().contains("notes_MetaWear_.csv"), garbage.getMessage());
        assertFalse(MetaWearFileName.looksLikeMetaWear(Path.of("README.md")));
    }
}
