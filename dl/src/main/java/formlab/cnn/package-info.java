/**
 * Image CNNs trained from scratch with DJL on the PyTorch engine (CPU, offline): the network
 * ({@link formlab.cnn.CompactResNet}), training with early stopping and best-epoch checkpoint
 * ({@link formlab.cnn.CnnTrainer}), a small hyperparameter sweep
 * ({@link formlab.cnn.CnnSweep}), the trained classifier for files and images
 * ({@link formlab.cnn.CnnImageClassifier}, a {@code model.Classifier}), the model type that stores it
 * in a model file ({@link formlab.cnn.CnnModelType}, with its trainer {@link formlab.cnn.CnnImageTrainer}),
 * reading of CNN folders saved before ({@link formlab.cnn.CnnModelStore}), registration in the model registry
 * through the registry's own {@code register} ({@link formlab.cnn.ImageCnnRegistration}), the DJL dataset and seeded batch sampler over image splits
 * ({@link formlab.cnn.ImageSplitDataset}) and a CPU benchmark ({@link formlab.cnn.CnnBenchmark}).
 * Images, splits and augmentation come from {@code formlab.image}; metrics from {@code formlab.eval}.
 * This is the only package (with pose estimation) that touches DJL; the rest of the library never calls it.
 */
package formlab.cnn;
