package formlab.deploy;

import formlab.deploy.session.SetRecord;
import java.io.PrintStream;
import java.util.Locale;

/** Prints what the tracker does, one line per event: the live exercise and repetitions, sets, faults. */
public final class ConsoleListener implements TrackerListener {

    private final PrintStream out;
    private long setStart;
    private String lastLine = "";

    /** Prints to {@code out}. */
    public ConsoleListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void statusChanged(TrackerStatus status, long atMillis) {
        out.println("status " + status);
    }

    @Override
    public void setStarted(int set, long atMillis) {
        setStart = atMillis;
        out.println("set " + set + " started");
    }

    @Override
    public void window(WindowResult result, int totalReps) {
        String line = String.format(Locale.ROOT, "%6.1f s  %-6s (%.2f)  reps %d", (result.epochMillis() - setStart) / 1000.0,
                result.label(), result.confidence(), totalReps);
        if (!line.substring(9).equals(lastLine)) {
            out.println(line);
            lastLine = line.substring(9);
        }
    }

    @Override
    public void repCounted(int totalReps, long atMillis) {
        out.printf(Locale.ROOT, "%6.1f s  rep %d%n", (atMillis - setStart) / 1000.0, totalReps);
    }

    @Override
    public void setEnded(SetRecord record) {
        if (WindowResult.TOO_SHORT.equals(record.exercise())) {
            out.printf(Locale.ROOT, "set %d ended: too short to classify (%.1f s, %d samples, less than one window);"
                    + " no exercise, no repetitions, no raw files%n", record.set(), record.seconds(), record.samples());
            return;
        }
        out.printf(Locale.ROOT, "set %d ended: %s, %d reps (confidence %.2f), %.1f s, %d samples, raw %s%n", record.set(),
                record.exercise(), record.reps(), record.confidence(), record.seconds(), record.samples(), record.rawFiles());
    }

    @Override
    public void discontinuity(TimestampGuard.Verdict verdict, long atMillis) {
        out.println("clock: " + verdict + " - new segment");
    }

    @Override
    public void sensorFault(String message, long atMillis) {
        out.println("sensor fault: " + message);
    }
}
