package formlab.deploy;

import formlab.deploy.TimestampGuard.Verdict;
import formlab.deploy.sensor.ImuSample;
import formlab.deploy.session.RawSetWriter;
import formlab.deploy.session.SampleBuffer;
import formlab.deploy.session.SessionLog;
import formlab.deploy.session.SetRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import formlab.imu.SensorKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker's logic, free of threads and hardware: sets start and stop, samples pass the
 * {@link TimestampGuard} into the {@link SampleSink}, every newly counted repetition blinks the
 * rep LED, a finished set sounds the buzzer and is written to the session log with its raw
 * samples. {@link SensorLoop} drives it from one thread; tests drive it directly.
 *
 * <p>Repetitions: the sink's count may still change while a set runs (its filters look ahead),
 * so the LED blinks whenever the count passes its highest value so far, and the final count at
 * the end of the set adds the blinks still missing. A count revised downwards cannot un-blink;
 * it is logged and the record keeps both numbers ({@code reps}, {@code repPulses}).
 *
 * <p>Segments: when the guard reports a clock jump or a long gap, the sink's current segment is
 * finished (its repetitions are kept) and a new one starts, so no window ever mixes samples from
 * both sides of the jump. Each segment's raw samples go to their own CSV pair.
 *
 * <p>Not thread-safe: call it from one thread.
 */
public final class TrackerRuntime {

    /** Longest set; a set still running after this is ended automatically (the button may have been forgotten). */
    public static final long MAX_SET_MILLIS = 10 * 60 * 1000L;

    private static final Logger LOG = LoggerFactory.getLogger(TrackerRuntime.class);

    private final SampleSink sink;
    private final Feedback feedback;
    private final SessionLog log;
    private final RawSetWriter raw;
    private final double accelerometerHz;
    private final double gyroscopeHz;
    private final long maxGapMillis;
    private final String sourceName;
    private final List<TrackerListener> listeners = new CopyOnWriteArrayList<>();

    private final Map<SensorKind, TimestampGuard> guards = new EnumMap<>(SensorKind.class);
    private final Map<Verdict, Integer> dropped = new EnumMap<>(Verdict.class);
    private boolean recording;
    private int setNumber;
    private long setStart;
    private long lastSampleMillis;
    private final List<SampleBuffer> segments = new ArrayList<>();
    private final List<WindowResult> segmentFinals = new ArrayList<>();
    private int carriedReps;
    private int segmentReps;
    private int shownReps;
    private int faultsInSet;
    private WindowResult latest;
    private long now;
    private TrackerStatus status = TrackerStatus.STARTING;

    /**
     * @param sink         exercise recognition and repetition counting
     * @param feedback     LEDs and buzzer
     * @param log          the session log (its folder also receives the raw files)
     * @param raw          writer of the raw CSV pairs
     * @param accelerometerHz nominal accelerometer rate of the source
     * @param gyroscopeHz     nominal gyroscope rate of the source
     * @param maxGapMillis    longest gap bridged within a segment
     * @param sourceName      what the samples come from, for the records
     */
    public TrackerRuntime(SampleSink sink, Feedback feedback, SessionLog log, RawSetWriter raw, double accelerometerHz,
                          double gyroscopeHz, long maxGapMillis, String sourceName) {
        this.sink = sink;
        this.feedback = feedback;
        this.log = log;
        this.raw = raw;
        this.accelerometerHz = accelerometerHz;
        this.gyroscopeHz = gyroscopeHz;
        this.maxGapMillis = maxGapMillis;
        this.sourceName = sourceName;
        resetGuards();
    }

    /** Fresh timestamp guards, one per sensor at its own period. */
    private void resetGuards() {
        guards.put(SensorKind.ACCELEROMETER, new TimestampGuard(1000.0 / accelerometerHz, maxGapMillis));
        guards.put(SensorKind.GYROSCOPE, new TimestampGuard(1000.0 / gyroscopeHz, maxGapMillis));
    }

    /** Adds a listener (console output, timelines, tests). */
    public TrackerRuntime listen(TrackerListener listener) {
        listeners.add(listener);
        return this;
    }

    /** The sensor is open and delivering: show READY (or RECORDING during a set). */
    public void sensorReady(long nowMillis) {
        now = nowMillis;
        setStatus(recording ? TrackerStatus.RECORDING : TrackerStatus.READY);
    }

    /** Handles one sample from the sensor. */
    public void onSample(ImuSample sample) {
        now = Math.max(now, sample.epochMillis());
        if (recording) {
            record(sample);
            if (recording && sample.epochMillis() - setStart > MAX_SET_MILLIS) {
                LOG.warn("set {} ran longer than {} min: ending it", setNumber, MAX_SET_MILLIS / 60000);
                endSet(sample.epochMillis());
            }
        }
        feedback.tick(now);
    }

    private void record(ImuSample sample) {
        // a reading holding both sensors gives both guards the same time, hence the same verdict
        SensorKind kind = sample.has(SensorKind.ACCELEROMETER) ? SensorKind.ACCELEROMETER : SensorKind.GYROSCOPE;
        Verdict verdict = guards.get(kind).check(sample.epochMillis());
        if (sample.parts() == ImuSample.Parts.BOTH) {
            guards.get(SensorKind.GYROSCOPE).check(sample.epochMillis());
        }
        if (!verdict.kept()) {
            dropped.merge(verdict, 1, Integer::sum);
            return;
        }
        if (verdict.startsSegment()) {
            for (SensorKind other : SensorKind.values()) {
                if (!sample.has(other)) {
                    guards.get(other).reset(); // its next sample belongs to the new segment too
                }
            }
        }
        if (verdict.startsSegment() && segments.getLast().size() > 0) {
            LOG.warn("set {}: {} at {} ({} ms after the previous sample): starting a new segment", setNumber, verdict,
                    Instant.ofEpochMilli(sample.epochMillis()), sample.epochMillis() - lastSampleMillis);
            finishSegment();
            sink.startSet();
            segments.add(new SampleBuffer());
            for (TrackerListener l : listeners) {
                l.discontinuity(verdict, sample.epochMillis());
            }
        }
        segments.getLast().add(sample);
        lastSampleMillis = sample.epochMillis();
        for (WindowResult result : sink.accept(sample)) {
            latest = result;
            segmentReps = result.reps();
            int total = carriedReps + segmentReps;
            for (TrackerListener l : listeners) {
                l.window(result, total);
            }
            showReps(total, sample.epochMillis());
        }
    }

    private void showReps(int total, long atMillis) {
        if (total > shownReps) {
            feedback.repsCounted(total - shownReps, atMillis);
            shownReps = total;
            for (TrackerListener l : listeners) {
                l.repCounted(total, atMillis);
            }
        }
    }

    private void finishSegment() {
        WindowResult last = sink.finishSet();
        segmentFinals.add(last);
        carriedReps += last.reps();
        segmentReps = 0;
    }

    /** Starts a set (ignored while one is running). */
    public void startSet(long nowMillis) {
        if (recording) {
            return;
        }
        now = Math.max(now, nowMillis);
        recording = true;
        setNumber = log.nextSetNumber();
        setStart = nowMillis;
        resetGuards();
        dropped.clear();
        segments.clear();
        segments.add(new SampleBuffer());
        segmentFinals.clear();
        carriedReps = 0;
        segmentReps = 0;
        shownReps = 0;
        faultsInSet = 0;
        latest = null;
        sink.startSet();
        setStatus(TrackerStatus.RECORDING);
        for (TrackerListener l : listeners) {
            l.setStarted(setNumber, nowMillis);
        }
    }

    /** Starts a set if none runs, else ends it (the button). */
    public void toggleSet(long nowMillis) {
        if (recording) {
            endSet(nowMillis);
        } else {
            startSet(nowMillis);
        }
    }

    /**
     * Ends the running set: final count (remaining blinks), buzzer, raw files, log record.
     * Returns the record, or null when no set was running.
     */
    public SetRecord endSet(long nowMillis) {
        return endSet(nowMillis, true);
    }

    private SetRecord endSet(long nowMillis, boolean withFeedback) {
        if (!recording) {
            return null;
        }
        now = Math.max(now, nowMillis);
        recording = false;
        finishSegment();
        int total = carriedReps;
        if (withFeedback) {
            showReps(total, now);
            feedback.setEnded(now);
        }
        if (total < shownReps) {
            LOG.info("set {}: final count {} is below the {} repetitions shown live", setNumber, total, shownReps);
        }
        SetRecord record = writeRecord(total);
        setStatus(status == TrackerStatus.SENSOR_FAULT ? status : TrackerStatus.READY);
        for (TrackerListener l : listeners) {
            l.setEnded(record);
        }
        return record;
    }

    private SetRecord writeRecord(int totalReps) {
        WindowResult label = dominant();
        List<String> files = new ArrayList<>();
        int samples = 0;
        long first = setStart;
        long last = setStart;
        boolean any = false;
        for (SampleBuffer segment : segments) {
            samples += segment.size();
            if (segment.size() > 0) {
                if (!any) {
                    first = segment.firstMillis();
                    any = true;
                }
                last = segment.lastMillis();
            }
            if (label.tooShort()) {
                continue; // a file name must carry an exercise, and this set has none: the record says why
            }
            try {
                for (Path file : raw.write(segment, setNumber, label.label(), accelerometerHz, gyroscopeHz)) {
                    files.add(log.folder().relativize(file.toAbsolutePath()).toString());
                }
            } catch (UncheckedIOException e) {
                LOG.error("set {}: could not write raw samples: {}", setNumber, e.getMessage());
            }
        }
        if (label.tooShort()) {
            LOG.warn("set {}: ended before one window was complete ({} samples); not classified, no raw files written",
                    setNumber, samples);
        }
        Map<String, Integer> droppedByReason = new LinkedHashMap<>();
        dropped.forEach((verdict, count) -> droppedByReason.put(verdict.name().toLowerCase(java.util.Locale.ROOT), count));
        SetRecord record = new SetRecord(setNumber, Instant.ofEpochMilli(first).toString(), Instant.ofEpochMilli(last).toString(),
                first, last, label.label(), label.confidence(), totalReps, shownReps,
                samples, segments.size(), droppedByReason, faultsInSet, sourceName, files);
        try {
            log.append(record);
        } catch (IOException e) {
            LOG.error("set {}: could not append to {}: {}", setNumber, log.file(), e.getMessage());
        }
        return record;
    }

    /** The label of the segment with the most samples (the whole set when there is one segment). */
    private WindowResult dominant() {
        Map<String, Integer> samplesPerLabel = new HashMap<>();
        Map<String, WindowResult> byLabel = new HashMap<>();
        for (int i = 0; i < segmentFinals.size(); i++) {
            WindowResult r = segmentFinals.get(i);
            samplesPerLabel.merge(r.label(), segments.get(i).size(), Integer::sum);
            byLabel.merge(r.label(), r, (a, b) -> a.confidence() >= b.confidence() ? a : b);
        }
        String best = samplesPerLabel.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("");
        return byLabel.getOrDefault(best, new WindowResult(now, "", 0, 0));
    }

    /** The sensor failed: show the fault (the loop retries). */
    public void sensorFault(String message, long nowMillis) {
        now = Math.max(now, nowMillis);
        if (recording) {
            faultsInSet++;
        }
        setStatus(TrackerStatus.SENSOR_FAULT);
        for (TrackerListener l : listeners) {
            l.sensorFault(message, nowMillis);
        }
    }

    /** Advances output timing when no sample arrives (waiting, faults). */
    public void tick(long nowMillis) {
        now = Math.max(now, nowMillis);
        feedback.tick(now);
    }

    /** Plays the pulses still queued to the end (after a replay); returns when they finished. */
    public long drain() {
        now = feedback.drain(now);
        return now;
    }

    /**
     * Shuts down: every output off first (safety), then the running set, if any, is saved
     * (without feedback). Safe to call more than once.
     */
    public void shutdown(long nowMillis) {
        now = Math.max(now, nowMillis);
        feedback.safeState(now);
        try {
            endSet(now, false);
        } finally {
            feedback.safeState(now);
            setStatus(TrackerStatus.STOPPED);
        }
    }

    private void setStatus(TrackerStatus newStatus) {
        if (newStatus == status) {
            return;
        }
        status = newStatus;
        if (newStatus != TrackerStatus.STOPPED) {
            feedback.status(newStatus, now);
        }
        for (TrackerListener l : listeners) {
            l.statusChanged(newStatus, now);
        }
    }

    /** The current status. */
    public TrackerStatus status() {
        return status;
    }

    /** Whether a set is running. */
    public boolean recording() {
        return recording;
    }

    /** Repetitions counted in the running (or last) set so far. */
    public int reps() {
        return carriedReps + segmentReps;
    }

    /** The latest window result of the running set, or null. */
    public WindowResult latest() {
        return latest;
    }

    /** The runtime's current time (sample time base). */
    public long now() {
        return now;
    }
}
