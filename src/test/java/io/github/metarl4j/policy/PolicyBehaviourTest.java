package io.github.metarl4j.policy;

import static io.github.metarl4j.testing.FiniteDifferences.assertClose;
import static io.github.metarl4j.testing.FiniteDifferences.randomMatrix;
import static io.github.metarl4j.testing.FiniteDifferences.randomVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.testing.FiniteDifferences;
import io.github.metarl4j.testing.Products;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PolicyBehaviourTest {

    private static final CategoricalMlpPolicy CAT = new CategoricalMlpPolicy(2, new int[] {4}, 3, Activation.TANH, DataType.DOUBLE);
    private static final GaussianMlpPolicy GAUSS = new GaussianMlpPolicy(2, new int[] {4}, 2, Activation.TANH, 0.0, DataType.DOUBLE);

    @Test
    void zeroParameters_giveUniformCategoricalAndStandardGaussian() {
        INDArray obs = randomMatrix(5, 2, 1);
        INDArray catZero = Nd4j.zeros(DataType.DOUBLE, CAT.numParams());
        assertEquals(Math.log(3), CAT.entropy(catZero, obs).getDouble(0), 1e-14);
        assertEquals(-Math.log(3), CAT.logProb(catZero, obs, Nd4j.create(new double[] {0, 1, 2, 0, 1}, new long[] {5, 1},
                DataType.DOUBLE)).getDouble(2), 1e-14);
        INDArray gZero = Nd4j.zeros(DataType.DOUBLE, GAUSS.numParams());
        // mu = 0, sigma = 1: log pi(a) = -(a1^2 + a2^2)/2 - log(2 pi)
        INDArray a = Nd4j.create(new double[] {0.5, -1, 0, 0, 1, 1, 2, 0, 0, 3}, new long[] {5, 2}, DataType.DOUBLE);
        assertEquals(-(0.25 + 1) / 2 - Math.log(2 * Math.PI), GAUSS.logProb(gZero, obs, a).getDouble(0), 1e-14);
        assertEquals(1 + Math.log(2 * Math.PI), GAUSS.entropy(gZero, obs).getDouble(3), 1e-14); // 2 (1/2 + log(2 pi)/2)
    }

    @Test
    void gaussianLogProbAndKl_matchClosedForms() {
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, GAUSS.numParams());
        theta.putScalar(GAUSS.numParams() - 2, Math.log(2.0)); // sigma_1 = 2
        INDArray obs = randomMatrix(1, 2, 3);
        INDArray a = Nd4j.create(new double[] {1, 1}, new long[] {1, 2}, DataType.DOUBLE);
        double expected = -0.5 * 0.25 - Math.log(2) - 0.5 - Math.log(2 * Math.PI);
        assertEquals(expected, GAUSS.logProb(theta, obs, a).getDouble(0), 1e-14);
        // KL(N(0, 4) || N(0, 1)) in the first coordinate: log(1/2) + 4/2 - 1/2
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, GAUSS.numParams());
        assertEquals(Math.log(0.5) + 2 - 0.5, GAUSS.kl(theta, zero, obs).getDouble(0), 1e-14);
    }

    @Test
    void categoricalSampling_followsTheProbabilities() {
        INDArray theta = CAT.initialParameters(new SplittableRandom(4)).addi(randomVector(CAT.numParams(), 5));
        INDArray obs = Nd4j.repeat(randomMatrix(1, 2, 6), 20000).reshape(20000, 2);
        INDArray logp = CAT.logProb(theta, obs.getRows(0, 1, 2), Nd4j.create(new double[] {0, 1, 2}, new long[] {3, 1},
                DataType.DOUBLE));
        INDArray a = CAT.sample(theta, obs, new SplittableRandom(7));
        for (int k = 0; k < 3; k++) {
            double p = Math.exp(logp.getDouble(k));
            double freq = a.eq(k).castTo(DataType.DOUBLE).meanNumber().doubleValue();
            assertEquals(p, freq, 5 * Math.sqrt(p * (1 - p) / 20000), "action " + k);
        }
    }

    @Test
    void gaussianSampling_hasTheMeanAndStd() {
        INDArray theta = GAUSS.initialParameters(new SplittableRandom(4));
        theta.putScalar(GAUSS.numParams() - 1, Math.log(0.5));
        INDArray obs = Nd4j.zeros(DataType.DOUBLE, 20000, 2);
        INDArray a = GAUSS.sample(theta, obs, new SplittableRandom(8));
        INDArray mu = GAUSS.network().forward(theta.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0,
                GAUSS.network().numParams())), obs.getRows(0), new io.github.metarl4j.nn.Scratch()).output();
        assertEquals(mu.getDouble(0, 1), a.getColumn(1).meanNumber().doubleValue(), 5 * 0.5 / Math.sqrt(20000));
        assertEquals(0.5, a.getColumn(1).stdNumber().doubleValue(), 0.01);
        assertEquals(1.0, a.getColumn(0).stdNumber().doubleValue(), 0.02);
    }

    @Test
    void policyActions_driveTheSampler_reproducibly() {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(2, new int[] {8}, 2, Activation.TANH, 0.0, DataType.FLOAT);
        INDArray theta = policy.initialParameters(new SplittableRandom(1));
        var family = io.github.metarl4j.envs.navigation.Navigation2D.family();
        var tasks = family.tasks().train().sample(3, new SplittableRandom(2));
        try (var sampler = new io.github.metarl4j.sampler.LockstepSampler(2, DataType.FLOAT)) {
            EpisodeBatch a = sampler.sample(family, tasks, 4, policy.actions(theta), new SplittableRandom(5));
            EpisodeBatch b = sampler.sample(family, tasks, 4, policy.actions(theta), new SplittableRandom(5));
            assertEquals(a.actions(), b.actions());
            assertEquals(a.rewards(), b.rewards());
            INDArray obs = a.observations().reshape('c', new long[] {(long) a.steps() * 12, 2});
            INDArray act = a.actions().reshape('c', new long[] {(long) a.steps() * 12, 2});
            INDArray valid = a.mask().reshape('c', new long[] {(long) a.steps() * 12});
            double meanLogProb = policy.logProb(theta, obs, act).mul(valid).sumNumber().doubleValue()
                    / valid.sumNumber().doubleValue();
            // actions ~ N(mu, I) in 2D: E[log pi] = -1 - log(2 pi) = -2.84; 1200 draws
            assertEquals(-1 - Math.log(2 * Math.PI), meanLogProb, 0.15);
        }
    }

    @Test
    void products_leaveParametersUntouched() {
        for (Policy p : new Policy[] {CAT, GAUSS}) {
            INDArray theta = p.initialParameters(new SplittableRandom(1));
            INDArray copy = theta.dup();
            INDArray obs = randomMatrix(4, 2, 2);
            INDArray act = p.sample(theta, obs, new SplittableRandom(3));
            INDArray w = randomVector(4, 4);
            Products.gradient(p, theta, obs, act, w);
            Products.hvp(p, theta, obs, act, w, randomVector(p.numParams(), 5));
            Products.fisher(p, theta, obs, w, randomVector(p.numParams(), 6));
            assertEquals(copy, theta);
        }
    }

    @Test
    void badInputs_areRejectedNamingTheSizes() {
        INDArray obs = randomMatrix(4, 2, 2);
        INDArray theta = CAT.initialParameters(new SplittableRandom(1));
        assertEquals("parameter vector must be a DOUBLE vector of length 27, got DOUBLE [26]",
                assertThrows(IllegalArgumentException.class, () -> CAT.sample(Nd4j.zeros(DataType.DOUBLE, 26), obs,
                        new SplittableRandom(1))).getMessage());
        assertEquals("observations must be a DOUBLE array of shape [N, 2], got DOUBLE [4, 3]",
                assertThrows(IllegalArgumentException.class, () -> CAT.sample(theta, randomMatrix(4, 3, 1),
                        new SplittableRandom(1))).getMessage());
        assertEquals("actions[1] must be an integer in [0, 3), got 3.0", assertThrows(IllegalArgumentException.class,
                () -> CAT.logProb(theta, obs, Nd4j.create(new double[] {0, 3, 1, 1}, new long[] {4, 1},
                        DataType.DOUBLE))).getMessage());
        assertEquals("weights must be a DOUBLE vector of length 4, got DOUBLE [3]",
                assertThrows(IllegalArgumentException.class, () -> Products.gradient(CAT, theta, obs,
                        Nd4j.zeros(DataType.DOUBLE, 4, 1), Nd4j.zeros(DataType.DOUBLE, 3))).getMessage());
        INDArray gTheta = GAUSS.initialParameters(new SplittableRandom(1));
        INDArray nanAction = Nd4j.zeros(DataType.DOUBLE, 4, 2);
        nanAction.putScalar(2, 1, Double.NaN);
        assertEquals("actions[2, 1] must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> GAUSS.logProb(gTheta, obs, nanAction)).getMessage());
        assertEquals("parameter vector must be a DOUBLE vector of length 24, got FLOAT [24]",
                assertThrows(IllegalArgumentException.class, () -> GAUSS.logProb(gTheta.castTo(DataType.FLOAT), obs,
                        Nd4j.zeros(DataType.DOUBLE, 4, 2))).getMessage());
        try (PolicyPoint p = GAUSS.at(gTheta, obs); PolicyPoint fewer = GAUSS.at(gTheta, randomMatrix(3, 2, 3));
             PolicyPoint categorical = CAT.at(theta, obs)) {
            assertEquals("the KL needs a point of the same policy on the same 4 observations",
                    assertThrows(IllegalArgumentException.class, () -> p.kl(fewer)).getMessage());
            assertEquals("the KL needs a point of the same policy on the same 4 observations",
                    assertThrows(IllegalArgumentException.class, () -> p.kl(categorical)).getMessage());
        }
    }

    @Test
    void reinforceLoss_weightsAreMeanPerEpisodeThenOverEpisodes_andDerivativesMatch() {
        // T = 3, B = 2; lengths 3 and 1; advantages A
        double[] obs = new double[3 * 2 * 2];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = Math.sin(i + 1.0);
        }
        EpisodeBatch batch = EpisodeBatch.fromArrays(obs, new double[] {0, 2, 1, 0, 2, 0}, new double[6], 3, 2, 2, 1,
                new int[] {3, 1}, new boolean[2], new int[] {0, 0}, DataType.DOUBLE);
        double[] adv = {1.0, -2.0, 0.5, 9.0, 3.0, 9.0};
        double[] w = ReinforceLoss.weights(batch, adv);
        // episode 0: -A / (3 * 2); episode 1: -A / (1 * 2), padding 0
        assertEquals(-1.0 / 6, w[0], 1e-15);
        assertEquals(1.0, w[1], 1e-15);
        assertEquals(-0.5 / 6, w[2], 1e-15);
        assertEquals(0, w[3]);
        assertEquals(-3.0 / 6, w[4], 1e-15);
        assertEquals(0, w[5]);
        ReinforceLoss loss = new ReinforceLoss(CAT, batch, Nd4j.create(adv, new long[] {3, 2}, DataType.DOUBLE));
        INDArray theta = CAT.initialParameters(new SplittableRandom(2)).addi(randomVector(CAT.numParams(), 3));
        assertClose(FiniteDifferences.gradient(loss::value, theta), loss.gradient(theta), 1e-7, "REINFORCE gradient");
        INDArray v = randomVector(CAT.numParams(), 4);
        try (ReinforceLoss.Hessian h = loss.hessianAt(theta)) {
            assertClose(FiniteDifferences.directional(loss::gradient, theta, v), h.times(v), 1e-6, "REINFORCE HVP");
        }
    }
}
