/**
 * Image CNNs trained from scratch with DJL on the PyTorch engine (CPU, offline): the network
 * ({@link formlab.cnn.CompactResNet}), training with early stopping and best-epoch checkpoint
 * ({@link formlab.cnn.CnnTrainer}), a small hyperparameter sweep
 * ({@link formlab.cnn.CnnSweep}), the trained classifier for files and images
 * ({@link formlab.cnn.CnnImageClassifier}), atomic save/load with a JSON card
 * ({@link formlab.cnn.CnnModelStore}) and a CPU benchmark ({@link formlab.cnn.CnnBenchmark}).
 * Images, splits and augmentation come from {@code formlab.image}; metrics from {@code formlab.eval}.
 */
package formlab.cnn;
