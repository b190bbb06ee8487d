package formlab.deploy;

import formlab.deploy.gpio.OutputPin;
import formlab.deploy.gpio.PulseTrain;
import formlab.deploy.config.FeedbackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker's outputs together: a rep LED that blinks once per counted repetition, a
 * buzzer/relay that sounds when a set ends, and a status LED whose pattern shows the
 * {@link TrackerStatus}. All timing runs on the runtime clock through {@link #tick(long)};
 * {@link #safeState(long)} switches everything off.
 */
public final class Feedback {

    private static final Logger LOG = LoggerFactory.getLogger(Feedback.class);

    private final PulseTrain reps;
    private final PulseTrain setEnd;
    private final OutputPin statusLed;
    private final OutputPin[] all;
    private TrackerStatus status = TrackerStatus.STARTING;
    private long statusSince;

    /**
     * @param repLed    LED pulsed per repetition
     * @param setEnd    buzzer or relay pulsed at the end of a set
     * @param statusLed status LED
     * @param config    pulse lengths
     */
    public Feedback(OutputPin repLed, OutputPin setEnd, OutputPin statusLed, FeedbackConfig config) {
        this.reps = new PulseTrain(repLed, config.repPulseMillis());
        this.setEnd = new PulseTrain(setEnd, config.setEndPulseMillis());
        this.statusLed = statusLed;
        this.all = new OutputPin[] {repLed, setEnd, statusLed};
    }

    /** Blinks the rep LED {@code count} more times. */
    public void repsCounted(int count, long nowMillis) {
        reps.request(count, nowMillis);
    }

    /** Sounds the set-end buzzer/relay once. */
    public void setEnded(long nowMillis) {
        setEnd.request(1, nowMillis);
    }

    /** Shows {@code newStatus} from now on. */
    public void status(TrackerStatus newStatus, long nowMillis) {
        if (newStatus != status) {
            status = newStatus;
            statusSince = nowMillis;
        }
        tick(nowMillis);
    }

    /** The status shown. */
    public TrackerStatus status() {
        return status;
    }

    /** Advances pulses and the status pattern to {@code nowMillis}. */
    public void tick(long nowMillis) {
        reps.tick(nowMillis);
        setEnd.tick(nowMillis);
        statusLed.set(status.lit(nowMillis - statusSince), nowMillis);
    }

    /** Plays all queued pulses to the end (time advanced on its own); returns the time they finished. */
    public long drain(long nowMillis) {
        long end = Math.max(reps.drain(nowMillis), setEnd.drain(nowMillis));
        statusLed.set(status.lit(end - statusSince), end);
        return end;
    }

    /** Cancels queued pulses and switches every output off. Never throws, so shutdown always reaches every pin. */
    public void safeState(long nowMillis) {
        status = TrackerStatus.STOPPED;
        for (Runnable off : new Runnable[] {() -> reps.cancel(nowMillis), () -> setEnd.cancel(nowMillis),
                () -> statusLed.set(false, nowMillis)}) {
            try {
                off.run();
            } catch (RuntimeException e) {
                LOG.error("could not switch an output off at shutdown", e);
            }
        }
    }

    /** Repetition pulses played so far. */
    public int repPulses() {
        return reps.played();
    }

    /** The outputs (rep LED, set-end, status LED). */
    public OutputPin[] outputs() {
        return all.clone();
    }
}
