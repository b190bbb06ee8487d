package formlab.data;

/** Reads a setting from a system property first, then from an environment variable. */
public final class Settings {

    private Settings() {
    }

    /**
     * Returns the value of system property {@code property}, else of environment variable
     * {@code variable}, else {@code null}. Blank values count as unset.
     */
    public static String value(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** True when smoke mode is on ({@code FORMLAB_SMOKE=1} or {@code -Dformlab.smoke=true}): run on reduced data. */
    public static boolean smoke() {
        String value = value("formlab.smoke", "FORMLAB_SMOKE");
        return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /**
     * True when output goes into a written report rather than to a person watching
     * ({@code FORMLAB_REPORT=1} or {@code -Dformlab.report=true}). {@code scripts/run_notebooks.py}
     * sets it for the kernels that make the HTML reports. Long runs then print one line per trial
     * instead of a progress bar redrawn after every step (a report keeps every redraw), e.g.
     * {@code formlab.cnn.TrainingProgress#standard}. Unset in a live notebook and in a terminal.
     */
    public static boolean report() {
        String value = value("formlab.report", "FORMLAB_REPORT");
        return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
    }
}
