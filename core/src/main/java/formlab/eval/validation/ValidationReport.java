package formlab.eval.validation;

import formlab.display.Html;
import formlab.display.HtmlRenderable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The findings of several checks over one dataset, worst first in {@link #table()}.
 *
 * @param name     what was validated
 * @param findings every finding, in check order
 */
public record ValidationReport(String name, List<Finding> findings) implements HtmlRenderable {

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** A report of the findings of several checks. */
    @SafeVarargs
    public static ValidationReport of(String name, List<Finding>... checks) {
        List<Finding> all = new ArrayList<>();
        Arrays.stream(checks).forEach(all::addAll);
        return new ValidationReport(name, all);
    }

    /** The worst severity found (PASS when there are no findings). */
    public Severity worst() {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.PASS);
    }

    /** True when nothing failed. */
    public boolean passed() {
        return worst() != Severity.FAIL;
    }

    /** Findings of one severity. */
    public List<Finding> with(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** Check, subject, severity, message; failures first, then warnings, then passes. */
    public Table table() {
        List<Finding> sorted = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).reversed()).toList();
        return Table.create("Validation: " + name + " (" + with(Severity.FAIL).size() + " fail, "
                        + with(Severity.WARN).size() + " warn, " + with(Severity.PASS).size() + " pass)",
                StringColumn.create("check", sorted.stream().map(Finding::check).toList()),
                StringColumn.create("subject", sorted.stream().map(Finding::subject).toList()),
                StringColumn.create("severity", sorted.stream().map(f -> f.severity().name()).toList()),
                StringColumn.create("message", sorted.stream().map(Finding::message).toList()));
    }

    @Override
    public String toHtml() {
        String colour = switch (worst()) {
            case PASS -> "#e8f5e9";
            case WARN -> "#fff8e1";
            case FAIL -> "#ffebee";
        };
        return "<div style=\"background:" + colour + ";padding:8px;border-radius:4px\"><b>" + Html.escape(name) + ": "
                + worst() + "</b></div>" + Html.table(table(), 200);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(": ").append(worst()).append('\n');
        table().forEach(row -> text.append("  ").append(row.getString("severity")).append("  ")
                .append(row.getString("check")).append(" [").append(row.getString("subject")).append("] ")
                .append(row.getString("message")).append('\n'));
        return text.toString();
    }
}
