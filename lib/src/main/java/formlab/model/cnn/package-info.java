/**
 * Image CNNs trained from scratch with DJL on the PyTorch engine (CPU, offline): the network
 * ({@link formlab.model.cnn.CompactResNet}), training with early stopping and best-epoch checkpoint
 * ({@link formlab.model.cnn.CnnTrainer}), a small hyperparameter sweep
 * ({@link formlab.model.cnn.CnnSweep}), the trained classifier for files and images
 * ({@link formlab.model.cnn.CnnImageClassifier}), atomic save/load with a JSON card
 * ({@link formlab.model.cnn.CnnModelStore}) and a CPU benchmark ({@link formlab.model.cnn.CnnBenchmark}).
 * Images, splits and augmentation come from {@code formlab.image}; metrics from {@code formlab.eval}.
 */
package formlab.model.cnn;
