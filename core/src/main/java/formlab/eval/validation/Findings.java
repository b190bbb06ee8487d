package formlab.eval.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers that keep reports over many files readable. */
public final class Findings {

    private Findings() {
    }

    /**
     * Keeps every warning and failure and replaces the passes of each check by one pass that
     * counts them, e.g. "118 files: pass (1 more listed with a warning)"; {@code unit} names what
     * the subjects are ("files"). A check with a single pass keeps it as it is. Check order is kept.
     */
    public static List<Finding> condense(List<Finding> findings, String unit) {
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        for (Finding f : findings) {
            byCheck.computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>();
        for (var entry : byCheck.entrySet()) {
            List<Finding> passes = entry.getValue().stream().filter(f -> f.severity() == Severity.PASS).toList();
            List<Finding> others = entry.getValue().stream().filter(f -> f.severity() != Severity.PASS).toList();
            out.addAll(others);
            if (passes.size() == 1) {
                out.add(passes.getFirst());
            } else if (passes.size() > 1) {
                long subjects = passes.stream().map(Finding::subject).distinct().count();
                out.add(Finding.pass(entry.getKey(), subjects + " " + unit, "pass" + (others.isEmpty() ? ""
                        : " (" + others.size() + " more " + (others.size() == 1 ? "result" : "results") + " listed separately)")));
            }
        }
        return out;
    }

    /**
     * One finding for {@code subject} out of several (e.g. the per-column schema findings of one
     * file): the worst severity, the messages of the findings that did not pass (each with its
     * subject), or {@code passMessage} when all passed.
     */
    public static Finding summarise(String check, String subject, List<Finding> findings, String passMessage) {
        List<Finding> others = findings.stream().filter(f -> f.severity() != Severity.PASS).toList();
        if (others.isEmpty()) {
            return Finding.pass(check, subject, passMessage);
        }
        Severity worst = others.stream().map(Finding::severity).max(Enum::compareTo).orElseThrow();
        StringBuilder message = new StringBuilder();
        for (Finding f : others) {
            message.append(message.isEmpty() ? "" : "; ").append(f.subject()).append(": ").append(f.message());
        }
        return new Finding(check, subject, worst, message.toString());
    }
}
