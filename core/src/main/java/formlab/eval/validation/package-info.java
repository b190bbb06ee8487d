/**
 * Data validation producing pass / warn / fail reports: schema and ranges, missing values,
 * label distribution and imbalance, per-group coverage ({@link formlab.eval.validation.TableChecks}),
 * sample rate and gaps ({@link formlab.eval.validation.TimestampChecks}) and duplicate recordings
 * by content ({@link formlab.eval.validation.DuplicateRecordings}), gathered in a
 * {@link formlab.eval.validation.ValidationReport}.
 */
package formlab.eval.validation;
