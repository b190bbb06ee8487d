/**
 * Evaluation for every FormLab classifier: metrics, confusion matrices, calibration and their
 * plots ({@link formlab.eval.Evaluation}), group splits and cross-validation
 * ({@link formlab.eval.GroupSplits}, {@link formlab.eval.CrossValidation}), hyperparameter search
 * ({@link formlab.eval.HyperparameterSearch}) and progress reporting ({@link formlab.eval.Progress}).
 * Splits always keep a group (participant) on one side.
 */
package formlab.eval;
