package formlab.dataset;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of delimited text into cells; a cell wrapped in double quotes loses its quotes. */
final class DelimitedText {

    private DelimitedText() {
    }

    /** The cells of {@code line} separated by {@code separator}; quoted cells may hold the separator. */
    static String[] split(String line, char separator) {
        if (line.indexOf('"') < 0) {
            List<String> cells = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == separator) {
                    cells.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            cells.add(line.substring(start));
            return cells.toArray(String[]::new);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

    /** {@code line} without a leading UTF-8 byte-order mark. */
    static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
