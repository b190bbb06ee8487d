package formlab.posture;

import static org.junit.jupiter.api.Assertions.*;

import formlab.eval.Evaluation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceVoteTest {

    @Test
    void majorityWinsAndConfidenceIsTheVoteShare() {
        String[] ids = {"a", "a", "a", "b", "b"};
        String[] predicted = {"tree", "cobra", "tree", "chair", "chair"};
        List<SequenceScore> scores = SequenceVote.vote(ids, predicted, null, null);
        assertEquals(2, scores.size());
        assertEquals("tree", scores.get(0).label());
        assertEquals(2 / 3.0, scores.get(0).confidence(), 1e-12);
        assertEquals(Map.of("tree", 2, "cobra", 1), scores.get(0).votes());
        assertEquals(1.0, scores.get(1).confidence());
        assertTrue(Double.isNaN(scores.get(1).meanProbability()));
    }

    @Test
    void tiesGoToTheLargerProbabilityMass() {
        String[] ids = {"a", "a"};
        String[] predicted = {"tree", "cobra"};
        List<String> classes = List.of("cobra", "tree");
        double[][] probabilities = {{0.4, 0.6}, {0.9, 0.1}};
        SequenceScore score = SequenceVote.vote(ids, predicted, classes, probabilities).getFirst();
        assertEquals("cobra", score.label(), "cobra has 1.3 of the mass, tree 0.7");
        assertEquals(1.3 / 2, score.meanProbability(), 1e-12);
        assertEquals("cobra", SequenceVote.vote(ids, predicted, null, null).getFirst().label(), "without probabilities: alphabetical");
    }

    @Test
    void perSequenceEvaluationHasOneExamplePerSequence() {
        String[] ids = {"a", "a", "a", "b", "b", "c"};
        String[] truth = {"tree", "tree", "tree", "chair", "chair", "cobra"};
        String[] predicted = {"tree", "cobra", "tree", "cobra", "cobra", "cobra"};
        String[] groups = {"P1", "P1", "P1", "P2", "P2", "P2"};
        Evaluation evaluation = SequenceVote.evaluate(List.of("chair", "cobra", "tree"), ids, truth, predicted, groups);
        assertEquals(3, evaluation.size());
        assertEquals(2 / 3.0, evaluation.accuracy(), 1e-12);
        assertEquals(Map.of("P1", 1.0, "P2", 0.5), evaluation.groupAccuracies());
        String[] mixed = {"tree", "chair", "tree", "chair", "chair", "cobra"};
        assertThrows(IllegalArgumentException.class,
                () -> SequenceVote.evaluate(List.of("chair", "cobra", "tree"), ids, mixed, predicted, groups));
    }
}
