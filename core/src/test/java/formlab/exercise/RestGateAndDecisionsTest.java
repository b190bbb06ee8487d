package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.eval.Evaluation;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RestGateAndDecisionsTest {

    /** Exercise windows of three participants: lifts upright (+y) or hanging (-y), moving, steady. */
    static Table exerciseWindows() {
        Random random = new Random(4);
        StringColumn participant = StringColumn.create("participant");
        StringColumn exercise = StringColumn.create("exercise");
        DoubleColumn[] columns = RestGate.FEATURES.stream().map(DoubleColumn::create).toArray(DoubleColumn[]::new);
        for (String person : List.of("P1", "P2", "P3")) {
            for (int i = 0; i < 200; i++) {
                boolean up = i % 2 == 0;
                double tilt = Math.toRadians(8 * random.nextGaussian() + (person.equals("P3") ? 5 : 0));
                participant.append(person);
                exercise.append(up ? "ohp" : "dead");
                columns[0].append(Math.sin(tilt));
                columns[1].append(up ? Math.cos(tilt) : -Math.cos(tilt));
                columns[2].append(0);
                columns[3].append(0.15 + 0.02 * random.nextGaussian());
                columns[4].append(Math.abs(4 * random.nextGaussian()));
            }
        }
        Table table = Table.create("windows", participant, exercise);
        for (DoubleColumn c : columns) {
            table.addColumns(c);
        }
        return table;
    }

    @Test
    void gateAcceptsLiftsAndRejectsStillnessStrangePosturesAndTurning() {
        RestGate gate = RestGate.fit(exerciseWindows(), 0.01);
        int[] index = {0, 1, 2, 3, 4};
        assertFalse(gate.decide(new double[] {0, 1, 0, 0.15, 3}, index).rest(), "an upright lift");
        assertTrue(gate.decide(new double[] {1, 0, 0, 0.15, 3}, index).reason().contains("posture"), "forearm horizontal");
        assertTrue(gate.decide(new double[] {0, 1, 0, 0.01, 3}, index).reason().contains("motion"), "no motion");
        assertTrue(gate.decide(new double[] {0, 1, 0, 0.15, 80}, index).reason().contains("wander"), "turning wrist");
        assertTrue(gate.maxPostureDegrees() > 20, "between-participant margin widens the posture threshold: " + gate);
        RestGate strict = gate.withVotes(2);
        assertFalse(strict.decide(new double[] {1, 0, 0, 0.15, 3}, index).rest(), "one failed test is not enough for votes=2");
        assertEquals(gate.toMap(), RestGate.fromMap(gate.toMap()).toMap());
        Evaluation own = ExerciseEvaluation.gateEvaluation(gate, exerciseWindows());
        assertTrue(ExerciseEvaluation.restRates(own)[2] < 0.05, "few training windows are called rest");
    }

    @Test
    void decisionsSmoothCausallyAndEndSetsAfterRest() {
        WindowDecisions decisions = new WindowDecisions(List.of("bench", "ohp"), 3, 2);
        assertEquals("bench", decisions.next(new double[] {0.9, 0.1}, false).label());
        assertEquals("bench", decisions.next(new double[] {0.3, 0.7}, false).label(), "mean 0.6 / 0.4");
        WindowDecisions.Step third = decisions.next(new double[] {0.2, 0.8}, false);
        assertEquals("ohp", third.label());
        assertArrayEquals(new double[] {1.4 / 3, 1.6 / 3}, third.smoothed(), 1e-12);
        WindowDecisions.Step rest = decisions.next(new double[] {0.5, 0.5}, true);
        assertEquals("rest", rest.label());
        assertTrue(rest.inSet(), "one rest window does not end the set");
        WindowDecisions.Step ended = decisions.next(new double[] {0.5, 0.5}, true);
        assertTrue(ended.setEnded() && !ended.inSet());
        WindowDecisions.Step started = decisions.next(new double[] {0.1, 0.9}, false);
        assertTrue(started.setStarted());
        assertArrayEquals(new double[] {0.1, 0.9}, started.smoothed(), 0.0, "the smoother forgot the last set");
    }

    @Test
    void setsAreJudgedByMeanProbabilityAndByVote() {
        List<String> classes = List.of("bench", "ohp");
        String[] sets = {"s1", "s1", "s1", "s2", "s2"};
        String[] truth = {"bench", "bench", "bench", "ohp", "ohp"};
        double[][] p = {{0.45, 0.55}, {0.45, 0.55}, {0.99, 0.01}, {0.2, 0.8}, {0.4, 0.6}};
        SetAggregation agg = SetAggregation.of(classes, sets, truth, p, new String[] {"A", "A", "A", "A", "A"}, 2);
        assertArrayEquals(new String[] {"bench", "ohp"}, agg.byMeanProbability().predicted(), "mean 0.63 bench for s1");
        assertArrayEquals(new String[] {"ohp", "ohp"}, agg.byVote().predicted(), "two of three windows say ohp for s1");
        assertEquals(List.of("s1", "s2"), agg.sets());
        assertArrayEquals(new String[] {"ohp", "ohp", "bench", "ohp", "ohp"}, agg.live().predicted(),
                "live: mean of the last two windows of the set");
    }
}
