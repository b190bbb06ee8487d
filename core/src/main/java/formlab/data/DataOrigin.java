package formlab.data;

import formlab.display.Html;
import formlab.display.HtmlRenderable;

/**
 * Which data a notebook, command or model ran on: the real recordings from the dataset root, or
 * the embedded default (simulated recordings or the committed MIT sample). Every report shows
 * this at its top.
 *
 * @param dataset   dataset name, e.g. {@code imu-barbell-metawear}
 * @param real      true when the data came from the real dataset folder
 * @param location  folder or description of where it came from
 * @param size      human-readable size, e.g. "69 sets, 4 participants, 138 files"
 */
public record DataOrigin(String dataset, boolean real, String location, String size) implements HtmlRenderable {

    /** One line: "real data: ..." or "SIMULATED data: ...". */
    public String summary() {
        return (real ? "Real data" : "Embedded default (simulated / sample) data") + ": " + dataset
                + " from " + location + " (" + size + ")";
    }

    @Override
    public String toHtml() {
        String colour = real ? "#e8f5e9" : "#fff3e0";
        String hint = real ? "" : " Set FORMLAB_DATA_DIR to the folder holding the real datasets to run on them.";
        return "<div class=\"formlab-data-origin\" style=\"background:" + colour
                + ";padding:8px;border-radius:4px\"><b>Data:</b> " + Html.escape(summary() + "." + hint) + "</div>";
    }

    @Override
    public String toString() {
        return summary();
    }
}
