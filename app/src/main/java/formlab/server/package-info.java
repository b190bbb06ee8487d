/**
 * The HTTP API of {@code formlab serve}: a local JSON server (Javalin on Jetty) that answers with
 * the same library calls as the command line: image class probabilities from the registered CNN
 * ({@code formlab.cnn}), postures from landmark CSV files ({@code formlab.posture}) and exercises,
 * sets and repetitions from wrist-IMU recordings ({@code formlab.exercise}), each with the model
 * version the registry prefers unless the request names another. It sits on the top floor beside
 * {@code cli} and {@code notebook}; {@link formlab.server.ApiServer} is the entry point.
 */
package formlab.server;
