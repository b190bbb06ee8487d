package formlab.pose.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Point2D;

import org.junit.jupiter.api.Test;

/** Geometry of the crop region: no models needed. */
class RoiTest {

    @Test
    void anUprightPersonGetsNoRotationAndTheCropCentreMapsToTheHip() {
        Roi roi = Roi.fromAlignment(new Point2D.Double(100, 200), new Point2D.Double(100, 120), 1.25);
        assertEquals(0, roi.angle(), 1e-9);
        assertEquals(200, roi.side(), 1e-9);
        Point2D centre = roi.toImage(128, 128, 256);
        assertEquals(100, centre.getX(), 1e-9);
        assertEquals(200, centre.getY(), 1e-9);
        Point2D top = roi.toImage(128, 0, 256);
        assertEquals(100, top.getY(), 1e-9);
    }

    @Test
    void aPersonLyingHeadRightIsTurnedSoTheCropsUpIsTheImagesRight() {
        Roi roi = Roi.fromAlignment(new Point2D.Double(100, 100), new Point2D.Double(180, 100), 1.0);
        assertEquals(Math.PI / 2, roi.angle(), 1e-9);
        Point2D top = roi.toImage(128, 0, 256);
        assertEquals(180, top.getX(), 1e-9);
        assertEquals(100, top.getY(), 1e-9);
    }

    @Test
    void theWholeImageRegionIsTheLetterboxSquare() {
        Roi roi = Roi.wholeImage(400, 200);
        assertEquals(400, roi.side(), 1e-9);
        Point2D corner = roi.toImage(0, 0, 256);
        assertEquals(0, corner.getX(), 1e-9);
        assertEquals(-100, corner.getY(), 1e-9);
    }

    @Test
    void theDetectorHas2254Anchors() {
        assertEquals(2254, PersonDetector.anchors().length);
    }

    @Test
    void csvHeaderIsThePosePilotLayout() {
        String[] header = LandmarkCsv.header().split(",");
        assertEquals(133, header.length);
        assertEquals("131", header[131]);
        assertEquals("asana", header[132]);
    }

    @Test
    void cropsSharingAPhotosHalvingsHaveTheSamePixelsAsSeparateCrops() {
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(900, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(3);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                photo.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        formlab.image.Halvings shared = new formlab.image.Halvings(photo);
        Roi whole = Roi.wholeImage(900, 600);
        Roi person = new Roi(430, 310, 520, 0.3);
        Roi small = new Roi(400, 300, 200, 0);
        for (Roi roi : new Roi[] {whole, person, small}) {
            int size = roi == whole ? 224 : 256;
            java.awt.image.BufferedImage separate = roi.crop(photo, size);
            java.awt.image.BufferedImage fromShared = roi.crop(shared, size);
            org.junit.jupiter.api.Assertions.assertArrayEquals(separate.getRGB(0, 0, size, size, null, 0, size),
                    fromShared.getRGB(0, 0, size, size, null, 0, size), roi.toString());
        }
    }
}
