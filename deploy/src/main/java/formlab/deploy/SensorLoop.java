package formlab.deploy;

import formlab.deploy.sensor.ImuSample;
import formlab.deploy.sensor.SensorException;
import formlab.deploy.sensor.SensorSource;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker's one working thread: paces the {@link SensorSource}, hands samples and button
 * presses to the {@link TrackerRuntime}, and keeps going through sensor failures.
 *
 * <p>Pacing: a live sensor is read every {@code 1/rate} on a fixed schedule (a late iteration
 * skips ahead rather than bursting to catch up); a replay is read when its next recorded sample
 * is due at {@code speed} times real time, or back to back when {@code speed} is 0.
 *
 * <p>Failures: every {@link SensorException} is logged, shown as
 * {@link TrackerStatus#SENSOR_FAULT} and retried after an exponential {@link Backoff}. Plain
 * read errors are retried as reads; a stalled or misconfigured chip, or three read errors in a
 * row, make the next attempt re-initialize it ({@link SensorSource#open()}). While waiting, the
 * outputs keep being timed every {@value #TICK_MILLIS} ms so the status LED keeps blinking.
 *
 * <p>Whatever ends the loop ({@link #stop()}, the end of a replay, an exception from the
 * runtime), {@link TrackerRuntime#shutdown(long)} runs before {@link #run()} returns: every
 * output is off and the running set is saved.
 */
public final class SensorLoop implements Runnable {

    /** Longest time between output updates while waiting, ms. */
    public static final long TICK_MILLIS = 20;
    /** Consecutive read failures after which the next attempt re-initializes the chip. */
    public static final int REOPEN_AFTER_FAILURES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(SensorLoop.class);

    private final SensorSource source;
    private final TrackerRuntime runtime;
    private final Backoff backoff;
    private final double speed;
    private final boolean setPerReplay;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private int faults;

    /**
     * @param source       the sensor or replay
     * @param runtime      the logic
     * @param backoff      retry timing
     * @param speed        replay speed (1 = real time, 0 = as fast as possible); ignored for live sensors
     * @param setPerReplay true to record the whole replay as one set (started at its first sample, ended at its last)
     */
    public SensorLoop(SensorSource source, TrackerRuntime runtime, Backoff backoff, double speed, boolean setPerReplay) {
        this.source = source;
        this.runtime = runtime;
        this.backoff = backoff;
        this.speed = speed;
        this.setPerReplay = setPerReplay;
    }

    /** A button press: starts or ends a set on the loop's thread (safe to call from any thread). */
    public void press() {
        commands.add(() -> runtime.toggleSet(source.nowMillis()));
    }

    /** Asks the loop to end; it switches every output off and saves the running set before {@link #run()} returns. */
    public void stop() {
        running = false;
        commands.add(() -> { });
    }

    /** Waits until {@link #run()} has finished; returns false on timeout. */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /** Sensor failures seen so far. */
    public int faults() {
        return faults;
    }

    @Override
    public void run() {
        try {
            loop();
            if (source.finished()) {
                runtime.endSet(source.nowMillis());
                runtime.drain();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                runtime.shutdown(Math.max(runtime.now(), source.nowMillis()));
            } finally {
                source.close();
                stopped.countDown();
            }
        }
    }

    private void loop() throws InterruptedException {
        boolean open = false;
        boolean faulted = false;
        long nextAttempt = System.nanoTime();
        long lastDue = Long.MIN_VALUE;
        long wallStart = 0;
        long replayStart = Long.MIN_VALUE;
        long period = Math.round(1e9 / source.rateHz());
        while (running) {
            if (!open) {
                waitUntil(nextAttempt);
                if (!running) {
                    return;
                }
                try {
                    source.open();
                    open = true;
                    runtime.sensorReady(source.nowMillis());
                    LOG.info("sensor open: {}", source.describe());
                } catch (SensorException e) {
                    faulted = true;
                    nextAttempt = fault(e);
                    continue;
                }
            }
            if (source.finished()) {
                return;
            }
            long due;
            OptionalLong recorded = source.nextSampleMillis();
            if (recorded.isPresent()) {
                if (replayStart == Long.MIN_VALUE) {
                    replayStart = recorded.getAsLong();
                    wallStart = System.nanoTime();
                }
                due = speed > 0 ? wallStart + (long) ((recorded.getAsLong() - replayStart) * 1e6 / speed) : System.nanoTime();
            } else {
                long now = System.nanoTime();
                due = lastDue == Long.MIN_VALUE ? now : lastDue + period;
                if (now - due > period) {
                    due = now; // fell behind (GC, slow bus): skip ahead instead of bursting
                }
            }
            waitUntil(Math.max(due, nextAttempt));
            if (!running) {
                return;
            }
            lastDue = due;
            try {
                ImuSample sample = source.read();
                if (faulted) {
                    LOG.info("sensor recovered after {} failed attempt(s)", backoff.failures());
                    faulted = false;
                    runtime.sensorReady(source.nowMillis());
                }
                backoff.succeeded();
                nextAttempt = 0;
                if (setPerReplay && !runtime.recording()) {
                    runtime.startSet(sample.epochMillis());
                }
                runtime.onSample(sample);
            } catch (SensorException e) {
                faulted = true;
                nextAttempt = fault(e);
                if (e.kind() != SensorException.Kind.READ_FAILED || backoff.failures() >= REOPEN_AFTER_FAILURES) {
                    open = false;
                }
            }
        }
    }

    /** Reports a failure and returns the wall time (nanoTime) of the next attempt. */
    private long fault(SensorException e) {
        faults++;
        long wait = backoff.failed();
        LOG.warn("sensor fault #{} ({}): {}; retrying in {} ms", backoff.failures(), e.kind(), e.getMessage(), wait);
        runtime.sensorFault(e.kind() + ": " + e.getMessage(), source.nowMillis());
        return System.nanoTime() + wait * 1_000_000L;
    }

    /** Runs commands and keeps outputs timed until {@code deadline} (nanoTime) or a stop. */
    private void waitUntil(long deadline) throws InterruptedException {
        for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
            command.run();
        }
        while (running) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            Runnable command = commands.poll(Math.min(remaining, TICK_MILLIS * 1_000_000L), TimeUnit.NANOSECONDS);
            if (command != null) {
                command.run();
            }
            runtime.tick(source.nowMillis());
        }
    }
}
