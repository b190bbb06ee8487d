package formlab.deploy.gpio;

import java.util.ArrayList;
import java.util.List;

/** A test output that records every change of state, for counting LED blinks and buzzes. */
public final class RecordingPin implements OutputPin {

    private final List<long[]> changes = new ArrayList<>();
    private boolean on;

    @Override
    public void set(boolean on, long atMillis) {
        if (on != this.on) {
            this.on = on;
            changes.add(new long[] {atMillis, on ? 1 : 0});
        }
    }

    @Override
    public boolean isOn() {
        return on;
    }

    @Override
    public String name() {
        return "pin";
    }

    /** Every change as {time in ms, 1 = on / 0 = off}, in order. */
    public List<long[]> changes() {
        return changes;
    }

    /** Times the output was switched on. */
    public long rises() {
        return changes.stream().filter(c -> c[1] == 1).count();
    }
}
