package formlab.registry;

import formlab.display.Html;
import formlab.display.HtmlRenderable;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Why a candidate was or was not promoted: every gate with its numbers.
 *
 * @param candidate  candidate id, e.g. "imu-exercise v4"
 * @param production current production id, or null
 * @param results    one result per gate
 */
public record PromotionReport(String candidate, String production, List<PromotionGate.Result> results) implements HtmlRenderable {

    public PromotionReport {
        results = List.copyOf(results);
    }

    /** True when every gate passed. */
    public boolean promoted() {
        return results.stream().allMatch(PromotionGate.Result::passed);
    }

    /** One line: decision and the gates that failed. */
    public String summaryLine() {
        if (promoted()) {
            return candidate + " promoted: all " + results.size() + " gates passed";
        }
        return candidate + " NOT promoted: failed " + results.stream().filter(r -> !r.passed()).map(PromotionGate.Result::gate).toList();
    }

    /** Gate, PASS/FAIL, explanation. */
    public Table table() {
        return Table.create("Promotion of " + candidate + (production == null ? "" : " over " + production),
                StringColumn.create("gate", results.stream().map(PromotionGate.Result::gate).toList()),
                StringColumn.create("result", results.stream().map(r -> r.passed() ? "PASS" : "FAIL").toList()),
                StringColumn.create("why", results.stream().map(PromotionGate.Result::explanation).toList()));
    }

    /** Readable multi-line text. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(summaryLine()).append('\n');
        text.append("current production: ").append(production == null ? "none" : production).append('\n');
        for (PromotionGate.Result r : results) {
            text.append(r.passed() ? "  PASS  " : "  FAIL  ").append(r.gate()).append(": ").append(r.explanation()).append('\n');
        }
        return text.toString();
    }

    @Override
    public String toHtml() {
        String colour = promoted() ? "#e8f5e9" : "#ffebee";
        return "<div style=\"background:" + colour + ";padding:8px;border-radius:4px\"><b>" + Html.escape(summaryLine())
                + "</b></div>" + Html.table(table(), results.size());
    }
}
