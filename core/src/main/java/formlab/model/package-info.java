/**
 * The classifier interface and its Smile and Tribuo implementations, with safe save and load.
 * Each kind of model is a {@link formlab.model.ModelType} found through {@link java.util.ServiceLoader}
 * ({@link formlab.model.ModelTypes}); {@link formlab.model.ModelFiles} and {@link formlab.model.Trainers}
 * delegate to it by engine or trainer name.
 *
 * <p>Training input is {@link formlab.model.LabelledData} (a Tablesaw feature table plus feature,
 * label and group column names); a {@link formlab.model.Trainer} turns it into a
 * {@link formlab.model.Classifier}. Trainers: {@link formlab.model.SmileGradientBoostingTrainer}
 * (main), {@link formlab.model.SmileRandomForestTrainer}, {@link formlab.model.TribuoCartTrainer},
 * {@link formlab.model.TribuoLogisticTrainer}; {@link formlab.model.Trainers#create} rebuilds one
 * from its name and hyperparameters. {@link formlab.model.ModelFiles} saves and loads models.
 */
package formlab.model;
