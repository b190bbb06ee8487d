package formlab.eval.validation;

import formlab.data.DataOrigin;
import formlab.display.Html;
import formlab.display.HtmlRenderable;
import java.util.List;
import java.util.Objects;

/**
 * The validation report of one dataset together with where the data came from.
 *
 * @param origin    which data was checked (real folder, embedded default, or not available)
 * @param report    the findings
 * @param available false when the dataset was not found and nothing was checked
 */
public record ValidatedDataset(DataOrigin origin, ValidationReport report, boolean available) implements HtmlRenderable {

    public ValidatedDataset {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(report, "report");
    }

    /** A checked dataset. */
    public static ValidatedDataset of(DataOrigin origin, ValidationReport report) {
        return new ValidatedDataset(origin, report, true);
    }

    /** A dataset that is not present here: nothing checked, the reason given. */
    public static ValidatedDataset unavailable(String dataset, String why) {
        return new ValidatedDataset(new DataOrigin(dataset, false, "not available", why),
                new ValidationReport(dataset, List.of(Finding.warn("availability", dataset, why))), false);
    }

    /** Dataset name. */
    public String dataset() {
        return origin.dataset();
    }

    /** The worst severity, or WARN for an unavailable dataset. */
    public Severity worst() {
        return report.worst();
    }

    /** Where the data came from: the origin banner, or a grey note for a dataset that was not checked. */
    public HtmlRenderable banner() {
        return available ? origin : () -> "<div style=\"background:#eeeeee;padding:8px;border-radius:4px\"><b>"
                + Html.escape(dataset()) + ": not checked.</b> " + Html.escape(origin.size()) + "</div>";
    }

    @Override
    public String toHtml() {
        return available ? origin.toHtml() + report.toHtml() : banner().toHtml();
    }

    @Override
    public String toString() {
        return available ? origin.summary() + "\n" + report : dataset() + ": not checked; " + origin.size();
    }
}
