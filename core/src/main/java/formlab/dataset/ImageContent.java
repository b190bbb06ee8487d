package formlab.dataset;

/** The image format a file's first bytes show, whatever its extension says. */
final class ImageContent {

    private ImageContent() {
    }

    /** {@code jpeg}, {@code png}, {@code webp}, {@code gif}, {@code bmp}, or {@code unknown}. */
    static String sniff(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "png";
        }
        if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return "webp";
        }
        if (head.length >= 4 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return "gif";
        }
        if (head.length >= 2 && head[0] == 'B' && head[1] == 'M') {
            return "bmp";
        }
        return "unknown";
    }

    /** The format a file name's extension claims ({@code jpg} and {@code jpeg} are both {@code jpeg}). */
    static String claimed(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return extension.equals("jpg") ? "jpeg" : extension;
    }
}
