package formlab.label;

import formlab.image.ImageEntry;
import formlab.image.ImageFolderScan;
import formlab.image.NearDuplicateGroups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Photos as a labelling pool ({@link ItemKind#IMAGE}): every usable image of a folder scan, its own
 * file as the picture, and its near-duplicate group ({@link NearDuplicateGroups}) as source and group,
 * so one batch does not ask about several copies of one photo. Features come from a function of the
 * file (for example a network's embedding); without one the items carry none and can be chosen at
 * random or scored by a model that reads the files itself.
 */
public final class ImagePool {

    /** Fingerprint distance for near-identical copies (as {@link NearDuplicateGroups} recommends). */
    public static final int NEAR_DUPLICATE_DISTANCE = 3;

    private ImagePool() {
    }

    /** Every image of {@code scan}, without features. */
    public static UnlabelledPool of(ImageFolderScan scan) {
        return of(scan, List.of(), file -> new double[0]);
    }

    /** Every image of {@code scan} with {@code features} (named {@code featureNames}) computed from its file. */
    public static UnlabelledPool of(ImageFolderScan scan, List<String> featureNames, Function<Path, double[]> features) {
        Map<String, String> groups = NearDuplicateGroups.of(scan.images(), NEAR_DUPLICATE_DISTANCE);
        List<PoolItem> items = new ArrayList<>();
        for (ImageEntry image : scan.images()) {
            Path file = scan.resolve(image).toAbsolutePath();
            String group = "photo-" + groups.get(image.path());
            items.add(new PoolItem(image.path().replace(' ', '_'), ItemKind.IMAGE, group, group, file.toString(), features.apply(file)));
        }
        return new UnlabelledPool(featureNames, items);
    }
}
