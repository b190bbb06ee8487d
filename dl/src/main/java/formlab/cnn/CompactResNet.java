package formlab.cnn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * A small ResNet for low-resolution images, built from DJL blocks: a strided 3x3 stem, four
 * stages of one residual block each (widths w, 2w, 4w, 8w; the last three halve the resolution
 * again), global average pooling, dropout and a linear classifier. With w = 16 it has about 0.3 M
 * parameters and needs about 16 M multiply-adds per 64 px image, small enough to train from
 * scratch on a few hundred images on a two-core CPU.
 *
 * <p>Residual blocks (two 3x3 convolutions with batch normalisation, added to a shortcut that is
 * the identity or a strided 1x1 convolution) let even this shallow net train quickly and stably.
 */
public final class CompactResNet {

    private CompactResNet() {
    }

    /**
     * The network: input {@code (batch, 3, size, size)}, output {@code (batch, classes)} logits.
     *
     * @param classes number of classes
     * @param width   channels of the first stage
     * @param dropout dropout rate before the classifier layer
     */
    public static SequentialBlock build(int classes, int width, double dropout) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        SequentialBlock net = new SequentialBlock();
        // A strided stem: at 64 px the first stage then runs at 32x32, a quarter of the work.
        net.add(conv(width, 3, 2)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        net.add(residual(width, 1, false));
        net.add(residual(2 * width, 2, true));
        net.add(residual(4 * width, 2, true));
        net.add(residual(8 * width, 2, true));
        net.add(Pool.globalAvgPool2dBlock());
        net.add(Blocks.batchFlattenBlock());
        if (dropout > 0) {
            net.add(Dropout.builder().optRate((float) dropout).build());
        }
        net.add(Linear.builder().setUnits(classes).build());
        return net;
    }

    /** conv - BN - ReLU - conv - BN, plus the shortcut, then ReLU. */
    static Block residual(int channels, int stride, boolean project) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(channels, 3, stride)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(conv(channels, 3, 1)).add(BatchNorm.builder().build());
        Block shortcut = project
                ? new SequentialBlock().add(conv(channels, 1, stride)).add(BatchNorm.builder().build())
                : Blocks.identityBlock();
        ParallelBlock sum = new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(main, shortcut));
        return new SequentialBlock().add(sum).add(Activation.reluBlock());
    }

    private static Conv2d conv(int channels, int kernel, int stride) {
        return Conv2d.builder().setFilters(channels).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2)).optBias(false).build();
    }
}
