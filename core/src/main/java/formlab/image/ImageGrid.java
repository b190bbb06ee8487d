package formlab.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays images out in a grid with a caption under each, as one {@link BufferedImage} a notebook
 * shows inline (sample images per class, augmentations, misclassified test images). Each image is
 * letterboxed into its cell, so shapes are not distorted.
 */
public final class ImageGrid {

    private static final int CAPTION_LINE = 13;

    private ImageGrid() {
    }

    /**
     * One cell: an image and up to two caption lines, optionally drawn in a warning colour.
     *
     * @param image   any image
     * @param caption first caption line (may be empty)
     * @param detail  second caption line (may be empty)
     * @param alert   true to draw the caption in red (e.g. a wrong prediction)
     */
    public record Tile(BufferedImage image, String caption, String detail, boolean alert) {

        /** A tile with one caption line. */
        public static Tile of(BufferedImage image, String caption) {
            return new Tile(image, caption, "", false);
        }
    }

    /**
     * Renders {@code tiles} row by row, {@code columns} per row, each image in a {@code cell} px square.
     * An empty list gives a small image saying so.
     */
    public static BufferedImage render(List<Tile> tiles, int columns, int cell) {
        if (columns < 1 || cell < 8) {
            throw new IllegalArgumentException("need columns >= 1 and cell >= 8 px, got " + columns + ", " + cell);
        }
        if (tiles.isEmpty()) {
            return textImage("(no images)", 200, 30);
        }
        int rows = (tiles.size() + columns - 1) / columns;
        int gap = 6;
        int tileHeight = cell + 2 * CAPTION_LINE + gap;
        int tileWidth = cell + gap;
        BufferedImage out = new BufferedImage(columns * tileWidth + gap, rows * tileHeight + gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            for (int i = 0; i < tiles.size(); i++) {
                Tile tile = tiles.get(i);
                int x = gap + (i % columns) * tileWidth;
                int y = gap + (i / columns) * tileHeight;
                g.drawImage(Letterbox.apply(tile.image(), cell, Color.WHITE), x, y, null);
                g.setColor(tile.alert() ? new Color(190, 0, 0) : Color.DARK_GRAY);
                drawClipped(g, tile.caption(), x, y + cell + CAPTION_LINE - 2, cell);
                drawClipped(g, tile.detail(), x, y + cell + 2 * CAPTION_LINE - 3, cell);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Tiles of images with one caption each (helper for the common case). */
    public static List<Tile> tiles(List<BufferedImage> images, List<String> captions) {
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            tiles.add(Tile.of(images.get(i), i < captions.size() ? captions.get(i) : ""));
        }
        return tiles;
    }

    private static void drawClipped(Graphics2D g, String text, int x, int baseline, int width) {
        if (text == null || text.isEmpty()) {
            return;
        }
        FontMetrics metrics = g.getFontMetrics();
        String shown = text;
        while (shown.length() > 1 && metrics.stringWidth(shown) > width) {
            shown = shown.substring(0, shown.length() - 2) + "\u2026";
        }
        g.drawString(shown, x, baseline);
    }

    private static BufferedImage textImage(String text, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.DARK_GRAY);
            g.drawString(text, 8, height / 2 + 4);
        } finally {
            g.dispose();
        }
        return out;
    }
}
