package io.github.metarl4j.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.run.Progress;
import io.github.metarl4j.task.TaskSplit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The founding example's claim, over several seeds, with the example's own YAML run through the
 * experiment machinery the command-line tool uses: on held-out starts of the training region and
 * of the out-of-distribution region, the MAML policy adapted with 1-3 steps reaches a higher mean
 * fraction of the optimal return than the policy pretrained on the same tasks and adapted the same
 * way, and far more than learning from scratch; on held-out starts of the training region it is
 * also higher after exactly one step.
 */
@Tag("slow")
class FoundingExampleLearningTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void mamlAdaptsToNewStartsBetterThanPretrainedAndScratch(long seed) {
        ExperimentConfig c = ConfigFiles.read(Path.of("examples/configs/gridworld-start-points.yaml"),
                ExperimentConfig.class).withSeed(seed);
        Experiment<?, ?, ?> experiment = Experiment.of(c);
        RunDirectory run = RunDirectory.create(dir.resolve("run"), c);
        assertTrue(experiment.train(run, Progress.none(), new AtomicBoolean()));
        List<EvaluationResult> results = experiment.evaluate(run, c.evaluation());
        for (EvaluationResult r : results) {
            String region = r.part() == TaskSplit.Part.TRAIN ? "left-half" : "right-half";
            double maml = meanAfterAdaptation(r.curves().get(0));
            double pretrained = meanAfterAdaptation(r.curves().get(1));
            double scratch = meanAfterAdaptation(r.curves().get(2));
            System.out.printf("founding example, seed %d, %s starts: fraction of optimal over k = 1..%d: MAML %.3f, "
                    + "pretrained %.3f, scratch %.3f%n", seed, region, c.evaluation().steps(), maml, pretrained, scratch);
            assertTrue(maml > pretrained, "seed " + seed + ", " + region + ": MAML " + maml
                    + " should beat the pretrained policy " + pretrained);
            assertTrue(maml > scratch + 0.3, "seed " + seed + ", " + region + ": MAML " + maml
                    + " should far exceed learning from scratch " + scratch);
            if (r.part() == TaskSplit.Part.TRAIN) {
                double mamlOne = r.curves().get(0).fractionOfOptimal().get(1).mean();
                double pretrainedOne = r.curves().get(1).fractionOfOptimal().get(1).mean();
                assertTrue(mamlOne > pretrainedOne, "seed " + seed + ": after one step on held-out starts of the "
                        + "training region, MAML " + mamlOne + " should beat the pretrained policy " + pretrainedOne);
            }
            assertTrue(maml > 0.95, "seed " + seed + ", " + region + ": MAML should be near optimal, got " + maml);
        }
    }

    /** The mean over k = 1..K of the mean fraction of the optimal return. */
    private static double meanAfterAdaptation(AdaptationCurve curve) {
        double sum = 0;
        int n = curve.fractionOfOptimal().size() - 1;
        for (int k = 1; k <= n; k++) {
            sum += curve.fractionOfOptimal().get(k).mean();
        }
        return sum / n;
    }
}
