package formlab.eval.validation;

/**
 * What a column must look like.
 *
 * @param name     column name
 * @param numeric  true if it must be numeric; false if it must be text (string) ; null for any type
 * @param min      smallest allowed value (numeric columns; use -infinity for none)
 * @param max      largest allowed value (numeric columns; use +infinity for none)
 * @param required whether a missing column is a failure (else a warning)
 */
public record ColumnRule(String name, Boolean numeric, double min, double max, boolean required) {

    /** A required numeric column with values in [min, max]. */
    public static ColumnRule numeric(String name, double min, double max) {
        return new ColumnRule(name, true, min, max, true);
    }

    /** A required numeric column with any finite value. */
    public static ColumnRule numeric(String name) {
        return numeric(name, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** A required text column. */
    public static ColumnRule text(String name) {
        return new ColumnRule(name, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true);
    }
}
