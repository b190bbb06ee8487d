package formlab.image;

/** Why a file of an image folder was left out of the dataset. */
public enum SkipReason {
    /** The file could not be read. */
    UNREADABLE,
    /** The content is not an image. */
    NOT_AN_IMAGE,
    /** An image format no reader on the class path decodes. */
    UNSUPPORTED_FORMAT,
    /** Image data the reader could not get through. */
    CORRUPT,
    /** Shorter side below the decoder's minimum. */
    TOO_SMALL,
    /** More pixels than the decoder accepts. */
    TOO_LARGE,
    /** Byte-identical to an image kept earlier in the same class. */
    DUPLICATE,
    /** The same bytes appear under two or more classes: the label is unknown, every copy is left out. */
    CONFLICTING_LABELS;

    /** The skip reason for a decoding problem. */
    public static SkipReason of(ImageDecodeException.Problem problem) {
        return switch (problem) {
            case UNREADABLE -> UNREADABLE;
            case NOT_AN_IMAGE -> NOT_AN_IMAGE;
            case UNSUPPORTED_FORMAT -> UNSUPPORTED_FORMAT;
            case CORRUPT -> CORRUPT;
            case TOO_SMALL -> TOO_SMALL;
            case TOO_LARGE -> TOO_LARGE;
        };
    }
}
