package formlab.pose.estimate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithXNNPACK;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteInterpreter;
import org.bytedeco.tensorflowlite.TfLiteInterpreterOptions;
import org.bytedeco.tensorflowlite.TfLiteTensor;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.*;

/**
 * One TensorFlow Lite model run through the TFLite C API of the JavaCPP presets
 * ({@code org.bytedeco:tensorflow-lite}, TFLite 2.19, CPU): float32 inputs in, float32 outputs out.
 * Not thread-safe: use one instance per thread. Close it to free the native memory.
 *
 * <p>Why this engine and not DJL: DJL's TFLite engine stops at 0.27 and does not work with the
 * DJL 0.36 API the project uses. The C API reads the model's input and output tensors (it reports
 * how many there are); the model then runs in a C++ {@code Interpreter} built with the XNNPACK
 * operator resolver, because the C API's interpreter of these presets does not apply XNNPACK: on a
 * shared two-core CPU the person detector took 160 ms a call without it and 8 ms with it, the full
 * landmark model 119 ms and 29 ms.
 */
public final class TfLiteModel implements AutoCloseable {

    /** Name and shape of one tensor, read from the model at load time. */
    public record TensorInfo(String name, int[] shape) {
        /** Number of float values in the tensor. */
        public int size() {
            return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }

    private final Path file;
    private org.bytedeco.tensorflowlite.TfLiteModel model;
    private TfLiteInterpreterOptions options;
    private TfLiteInterpreter interpreter;
    private FlatBufferModel flatBuffer;
    private BuiltinOpResolverWithXNNPACK resolver;
    private Interpreter runner;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final FloatPointer[] outputBuffers;
    private FloatPointer inputBuffer;

    /**
     * Loads {@code file} with {@code threads} CPU threads and allocates its tensors.
     *
     * @throws PoseModelException when the file is missing, is not a float32 TFLite model, or TFLite cannot prepare it
     */
    public TfLiteModel(Path file, int threads) {
        if (!Files.isRegularFile(file)) {
            throw PoseModelException.missing(file);
        }
        this.file = file;
        this.model = TfLiteModelCreateFromFile(file.toString());
        if (model == null || model.isNull()) {
            throw new PoseModelException(file + ": TensorFlow Lite could not read the model (expected a .tflite flatbuffer)");
        }
        this.options = TfLiteInterpreterOptionsCreate();
        TfLiteInterpreterOptionsSetNumThreads(options, Math.max(1, threads));
        this.interpreter = TfLiteInterpreterCreate(model, options);
        if (interpreter == null || interpreter.isNull()) {
            TfLiteInterpreterOptionsDelete(options);
            TfLiteModelDelete(model);
            throw new PoseModelException(file + ": TensorFlow Lite could not build an interpreter (unsupported operator?)");
        }
        if (TfLiteInterpreterAllocateTensors(interpreter) != kTfLiteOk) {
            close();
            throw new PoseModelException(file + ": TensorFlow Lite could not allocate the tensors");
        }
        this.inputs = describe(TfLiteInterpreterGetInputTensorCount(interpreter), i -> TfLiteInterpreterGetInputTensor(interpreter, i));
        this.outputs = describe(TfLiteInterpreterGetOutputTensorCount(interpreter), i -> TfLiteInterpreterGetOutputTensor(interpreter, i));
        closeDescriber();
        this.flatBuffer = FlatBufferModel.BuildFromFile(file.toString());
        this.resolver = new BuiltinOpResolverWithXNNPACK(true);
        this.runner = new Interpreter((Pointer) null);
        try (InterpreterBuilder builder = new InterpreterBuilder(flatBuffer, resolver)) {
            builder.SetNumThreads(Math.max(1, threads));
            if (builder.apply(runner) != kTfLiteOk || runner.isNull() || runner.AllocateTensors() != kTfLiteOk) {
                close();
                throw new PoseModelException(file + ": TensorFlow Lite could not build the XNNPACK interpreter");
            }
        }
        this.outputBuffers = new FloatPointer[outputs.size()];
        for (int i = 0; i < outputs.size(); i++) {
            outputBuffers[i] = new FloatPointer(outputs.get(i).size());
        }
        this.inputBuffer = new FloatPointer(inputs.getFirst().size());
    }

    private List<TensorInfo> describe(int count, IntFunction<TfLiteTensor> tensor) {
        List<TensorInfo> infos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TfLiteTensor t = tensor.apply(i);
            String name = TfLiteTensorName(t).getString();
            if (TfLiteTensorType(t) != kTfLiteFloat32) {
                close();
                throw new PoseModelException(file + ": tensor " + name + " is not float32 (TfLiteType " + TfLiteTensorType(t) + ")");
            }
            int[] shape = new int[TfLiteTensorNumDims(t)];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = TfLiteTensorDim(t, d);
            }
            infos.add(new TensorInfo(name, shape));
        }
        return List.copyOf(infos);
    }

    /** The model file. */
    public Path file() {
        return file;
    }

    /** Input tensors in order. */
    public List<TensorInfo> inputs() {
        return inputs;
    }

    /** Output tensors in order. */
    public List<TensorInfo> outputs() {
        return outputs;
    }

    /**
     * Runs the model on the first input tensor's values and returns every output's values.
     *
     * @throws IllegalArgumentException when {@code input} does not have the input tensor's size
     */
    public float[][] run(float[] input) {
        TensorInfo info = inputs.getFirst();
        if (input.length != info.size()) {
            throw new IllegalArgumentException(file + ": input " + info + " needs " + info.size() + " values, got " + input.length);
        }
        inputBuffer.position(0).put(input);
        check(TfLiteTensorCopyFromBuffer(runner.input_tensor(0), inputBuffer, 4L * input.length), "copy the input");
        check(runner.Invoke(), "run the model");
        float[][] result = new float[outputs.size()][];
        for (int i = 0; i < outputs.size(); i++) {
            float[] values = new float[outputs.get(i).size()];
            check(TfLiteTensorCopyToBuffer(runner.output_tensor(i), outputBuffers[i], 4L * values.length), "read output " + i);
            outputBuffers[i].position(0).get(values);
            result[i] = values;
        }
        return result;
    }

    private void check(int status, String what) {
        if (status != kTfLiteOk) {
            throw new PoseModelException(file + ": TensorFlow Lite failed to " + what + " (status " + status + ")");
        }
    }

    @Override
    public void close() {
        if (runner != null && !runner.isNull()) {
            runner.close();
        }
        runner = null;
        if (resolver != null) {
            resolver.close();
            resolver = null;
        }
        if (flatBuffer != null) {
            flatBuffer.close();
            flatBuffer = null;
        }
        closeDescriber();
        if (outputBuffers != null) {
            for (FloatPointer p : outputBuffers) {
                if (p != null) {
                    p.close();
                }
            }
        }
        if (inputBuffer != null) {
            inputBuffer.close();
            inputBuffer = null;
        }
    }

    /** Frees the C-API interpreter that read the tensors' names and shapes. */
    private void closeDescriber() {
        if (interpreter != null && !interpreter.isNull()) {
            TfLiteInterpreterDelete(interpreter);
            interpreter.setNull();
        }
        if (options != null && !options.isNull()) {
            TfLiteInterpreterOptionsDelete(options);
            options.setNull();
        }
        if (model != null && !model.isNull()) {
            TfLiteModelDelete(model);
            model.setNull();
        }
    }
}
