package formlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import formlab.deploy.TimestampGuard.Verdict;
import org.junit.jupiter.api.Test;

class TimestampGuardTest {

    @Test
    void evenSamplesAndBridgeableGapsAreAccepted() {
        TimestampGuard guard = new TimestampGuard(20, 5000);
        assertEquals(Verdict.ACCEPT, guard.check(1000));
        assertEquals(Verdict.ACCEPT, guard.check(1020));
        assertEquals(Verdict.ACCEPT, guard.check(1030), "half a period is still a new sample");
        assertEquals(Verdict.ACCEPT, guard.check(6030), "exactly the maximum gap");
    }

    @Test
    void duplicatesBurstsAndJitterAreDroppedWithoutMovingTheReference() {
        TimestampGuard guard = new TimestampGuard(20, 5000);
        guard.check(1000);
        assertEquals(Verdict.DUPLICATE, guard.check(1000));
        assertEquals(Verdict.TOO_SOON, guard.check(1009));
        assertEquals(Verdict.OUT_OF_ORDER, guard.check(960));
        assertEquals(Verdict.ACCEPT, guard.check(1020), "the reference is still 1000");
        assertEquals(1, guard.count(Verdict.DUPLICATE));
        assertEquals(1, guard.count(Verdict.TOO_SOON));
        assertEquals(1, guard.count(Verdict.OUT_OF_ORDER));
        assertEquals(2, guard.count(Verdict.ACCEPT));
    }

    @Test
    void bigJumpsEitherWayStartASegmentAndBecomeTheReference() {
        TimestampGuard guard = new TimestampGuard(20, 5000);
        guard.check(100_000);
        assertEquals(Verdict.BACKWARD_JUMP, guard.check(100_000 - 3_600_000));
        assertEquals(Verdict.ACCEPT, guard.check(100_020 - 3_600_000));
        assertEquals(Verdict.FORWARD_GAP, guard.check(100_020 - 3_600_000 + 5001));
        assertEquals(Verdict.ACCEPT, guard.check(100_040 - 3_600_000 + 5001));
    }

    @Test
    void aMaximumGapBelowOnePeriodIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TimestampGuard(80, 40));
    }
}
