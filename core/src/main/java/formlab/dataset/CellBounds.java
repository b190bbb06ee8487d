package formlab.dataset;

/**
 * Where the cells of one line of delimited text start and end, found without copying them, so a
 * large recording is checked without making a string per cell. Quoted lines are split by
 * {@link DelimitedText} instead.
 */
final class CellBounds {

    final int[] ends;
    final int count;
    private final String[] quoted;

    private CellBounds(int[] ends, int count, String[] quoted) {
        this.ends = ends;
        this.count = count;
        this.quoted = quoted;
    }

    /** The cells of {@code line}; {@code ends} is reused when large enough. */
    static CellBounds of(String line, char separator, int[] ends) {
        if (line.indexOf('"') >= 0) {
            String[] cells = DelimitedText.split(line, separator);
            return new CellBounds(ends, cells.length, cells);
        }
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == separator) {
                if (count == ends.length) {
                    ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                }
                ends[count++] = i;
            }
        }
        if (count == ends.length) {
            ends = java.util.Arrays.copyOf(ends, ends.length * 2);
        }
        ends[count++] = line.length();
        return new CellBounds(ends, count, null);
    }

    /** Cell {@code index} (0-based) as a string. */
    String cell(String line, int index) {
        if (quoted != null) {
            return quoted[index];
        }
        return line.substring(start(index), ends[index]);
    }

    /** True when cell {@code index} is a decimal number written with {@code decimal} as its mark. */
    boolean isNumber(String line, int index, char decimal) {
        if (quoted != null) {
            return RecordingScanner.isNumber(quoted[index], decimal);
        }
        int from = start(index);
        int to = ends[index];
        return plainNumber(line, from, to, decimal) || RecordingScanner.isNumber(line.substring(from, to), decimal);
    }

    private int start(int index) {
        return index == 0 ? 0 : ends[index - 1] + 1;
    }

    /** [+-]? (digits [mark digits?] | mark digits) ([eE] [+-]? digits)?, the common spelling; others go to the full parser. */
    private static boolean plainNumber(String text, int from, int to, char decimal) {
        int i = from;
        if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < to && Character.isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < to && text.charAt(i) == decimal) {
            i++;
            while (i < to && Character.isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < to && Character.isDigit(text.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == to;
    }
}
