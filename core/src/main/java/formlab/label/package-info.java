/**
 * Human-in-the-loop labelling: unlabelled pools ({@link formlab.label.UnlabelledPool}), active
 * learning by uncertainty with diversity ({@link formlab.label.UncertaintyQuery}) and its simulation
 * against random choice ({@link formlab.label.ActiveLearningSimulation}), Label Studio interchange
 * as files ({@link formlab.label.LabelStudioExport}, {@link formlab.label.LabelStudioImport}),
 * versioned label datasets ({@link formlab.label.LabelDatasets}) and re-training gated by the
 * model registry ({@link formlab.label.Retraining}).
 */
package formlab.label;
