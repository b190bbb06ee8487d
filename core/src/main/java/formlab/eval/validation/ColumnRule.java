package formlab.eval.validation;

/**
 * What a column must look like, as {@link TableChecks#schema} checks it.
 *
 * @param name     column name
 * @param numeric  {@code true}: the column must be numeric (any Tablesaw numeric type);
 *                 {@code false}: it must not be numeric (string, boolean and date/time columns all
 *                 qualify); {@code null}: any type
 * @param min      smallest allowed value; checked on numeric columns only, missing values are not
 *                 range-checked ({@link TableChecks#missingValues} counts them), use -infinity for no bound
 * @param max      largest allowed value, likewise; use +infinity for no bound. Infinite values fail
 *                 the check whatever the bounds
 * @param required whether a missing column is a failure (else a warning)
 */
public record ColumnRule(String name, Boolean numeric, double min, double max, boolean required) {

    /** A required numeric column with values in [min, max]. */
    public static ColumnRule numeric(String name, double min, double max) {
        return new ColumnRule(name, true, min, max, true);
    }

    /** A required numeric column with any finite value (infinite values fail, missing ones are left to the missing-value check). */
    public static ColumnRule numeric(String name) {
        return numeric(name, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** A required column of any non-numeric type (string, boolean, date/time). */
    public static ColumnRule text(String name) {
        return new ColumnRule(name, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true);
    }
}
