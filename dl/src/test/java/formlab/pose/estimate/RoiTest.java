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
}
