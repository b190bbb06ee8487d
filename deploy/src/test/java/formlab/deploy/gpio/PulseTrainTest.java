package formlab.deploy.gpio;

import formlab.deploy.Feedback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.deploy.TrackerStatus;
import formlab.deploy.config.FeedbackConfig;
import org.junit.jupiter.api.Test;

class PulseTrainTest {

    @Test
    void pulsesAskedForTogetherStaySeparateAndCountable() {
        RecordingPin pin = new RecordingPin();
        PulseTrain train = new PulseTrain(pin, 100);
        train.request(3, 0);
        for (long t = 20; t <= 1000; t += 20) {
            train.tick(t);
        }
        assertEquals(3, pin.rises());
        assertEquals(6, pin.changes().size());
        for (int i = 0; i < 6; i++) {
            assertEquals(i * 100, pin.changes().get(i)[0], "on 100 ms, off 100 ms at 20 ms ticks");
        }
        assertFalse(train.busy());
        assertEquals(3, train.played());
    }

    @Test
    void drainPlaysTheQueueWithoutTicks() {
        RecordingPin pin = new RecordingPin();
        PulseTrain train = new PulseTrain(pin, 150);
        train.request(4, 1000);
        long end = train.drain(1000);
        assertEquals(4, pin.rises());
        assertFalse(pin.isOn());
        assertEquals(1000 + 7 * 150, end);
    }

    @Test
    void safeStateSwitchesEverythingOffAndDropsTheQueue() {
        RecordingPin rep = new RecordingPin();
        RecordingPin buzzer = new RecordingPin();
        RecordingPin status = new RecordingPin();
        Feedback feedback = new Feedback(rep, buzzer, status, new FeedbackConfig(100, 500));
        feedback.status(TrackerStatus.RECORDING, 0);
        feedback.repsCounted(5, 0);
        feedback.setEnded(0);
        assertTrue(rep.isOn() && buzzer.isOn() && status.isOn());
        feedback.safeState(10);
        assertFalse(rep.isOn() || buzzer.isOn() || status.isOn());
        feedback.tick(10_000);
        assertFalse(rep.isOn() || buzzer.isOn() || status.isOn(), "nothing comes back on after the safe state");
        assertEquals(1, rep.rises());
    }

    @Test
    void statusPatternsAreDistinguishable() {
        assertTrue(TrackerStatus.RECORDING.lit(12_345));
        assertFalse(TrackerStatus.STOPPED.lit(0));
        assertTrue(TrackerStatus.READY.lit(50) && !TrackerStatus.READY.lit(500));
        int faultChanges = 0;
        for (long t = 0; t < 1000; t += 25) {
            if (TrackerStatus.SENSOR_FAULT.lit(t) != TrackerStatus.SENSOR_FAULT.lit(t + 25)) {
                faultChanges++;
            }
        }
        assertEquals(8, faultChanges, "4 Hz blink");
    }
}
