package io.github.metarl4j.nn;

import static io.github.metarl4j.testing.FiniteDifferences.assertClose;
import static io.github.metarl4j.testing.FiniteDifferences.randomMatrix;
import static io.github.metarl4j.testing.FiniteDifferences.randomVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.testing.FiniteDifferences;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MlpTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Activation.TANH, new int[] {4, 5}, 11L),
                Arguments.of(Activation.TANH, new int[] {6}, 12L),
                Arguments.of(Activation.TANH, new int[] {}, 13L),
                Arguments.of(Activation.RELU, new int[] {4, 5}, 14L),
                Arguments.of(Activation.RELU, new int[] {7}, 15L),
                // wider layers, as the 2D-navigation policy has
                Arguments.of(Activation.TANH, new int[] {16, 12, 9}, 16L),
                Arguments.of(Activation.RELU, new int[] {12, 10}, 17L));
    }

    private static Mlp net(Activation act, int[] hidden) {
        return new Mlp(3, hidden, 2, act, DataType.DOUBLE);
    }

    /** Parameters with non-zero biases, so every term of the products is exercised. */
    private static INDArray theta(Mlp net, long seed) {
        return net.initialParameters(new SplittableRandom(seed)).addi(randomVector(net.numParams(), seed + 100).muli(0.3));
    }

    /** Asserts no pre-activation is within 1e-3 of ReLU's kink, where differences would straddle it. */
    private static void assertAwayFromKinks(Mlp net, MlpPass pass) {
        if (net.activation() != Activation.RELU) {
            return;
        }
        for (int l = 1; l < net.layers(); l++) {
            double min = org.nd4j.linalg.ops.transforms.Transforms.abs(pass.a[l - 1].mmul(net.weights(pass.theta, l))
                    .addRowVector(net.bias(pass.theta, l))).minNumber().doubleValue();
            assertTrue(min > 1e-3, "test point too close to a kink: |z| = " + min);
        }
    }

    @Test
    void numParams_andForward_matchANaiveLoop() {
        Mlp net = new Mlp(2, new int[] {3}, 2, Activation.TANH, DataType.DOUBLE);
        assertEquals(2 * 3 + 3 + 3 * 2 + 2, net.numParams());
        double[] t = {0.1, -0.2, 0.3, 0.4, 0.5, -0.6, 0.01, 0.02, 0.03, 0.7, -0.8, 0.9, 1.0, -1.1, 1.2, 0.05, -0.05};
        INDArray theta = Nd4j.create(t, new long[] {t.length}, DataType.DOUBLE);
        double[] x = {0.5, -1.5};
        double[] h = new double[3];
        for (int j = 0; j < 3; j++) {
            h[j] = Math.tanh(x[0] * t[j] + x[1] * t[3 + j] + t[6 + j]);
        }
        double[] y = new double[2];
        for (int k = 0; k < 2; k++) {
            y[k] = h[0] * t[9 + k] + h[1] * t[11 + k] + h[2] * t[13 + k] + t[15 + k];
        }
        INDArray out = net.forward(theta, Nd4j.create(x, new long[] {1, 2}, DataType.DOUBLE), new Scratch()).output();
        assertEquals(y[0], out.getDouble(0, 0), 1e-14);
        assertEquals(y[1], out.getDouble(0, 1), 1e-14);
    }

    @Test
    void initialParameters_areGlorotUniformWithZeroBiases() {
        Mlp net = new Mlp(30, new int[] {50}, 20, Activation.TANH, DataType.DOUBLE);
        INDArray theta = net.initialParameters(new SplittableRandom(1));
        INDArray w1 = net.weights(theta, 1);
        double limit = Math.sqrt(6.0 / 80);
        assertTrue(w1.amaxNumber().doubleValue() <= limit);
        // Uniform on [-limit, limit] has variance limit^2 / 3; 1500 draws: within 10%.
        assertEquals(limit * limit / 3, w1.varNumber().doubleValue(), 0.1 * limit * limit / 3);
        assertEquals(0, net.bias(theta, 1).amaxNumber().doubleValue());
        assertEquals(0, net.bias(theta, 2).amaxNumber().doubleValue());
        assertEquals(theta, net.initialParameters(new SplittableRandom(1)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void vjp_matchesFiniteDifferences(Activation act, int[] hidden, long seed) {
        Mlp net = net(act, hidden);
        INDArray theta = theta(net, seed);
        INDArray x = randomMatrix(6, 3, seed + 1);
        INDArray g = randomMatrix(6, 2, seed + 2);
        MlpPass pass = net.forward(theta, x, new Scratch());
        assertAwayFromKinks(net, pass);
        INDArray expected = FiniteDifferences.gradient(th -> net.forward(th, x, new Scratch()).output().mul(g).sumNumber().doubleValue(), theta);
        assertClose(expected, pass.vjp(g), 1e-7, "VJP " + act);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jvp_matchesFiniteDifferences(Activation act, int[] hidden, long seed) {
        Mlp net = net(act, hidden);
        INDArray theta = theta(net, seed);
        INDArray x = randomMatrix(6, 3, seed + 1);
        INDArray v = randomVector(net.numParams(), seed + 3);
        MlpPass pass = net.forward(theta, x, new Scratch());
        assertAwayFromKinks(net, pass);
        INDArray expected = FiniteDifferences.directional(th -> net.forward(th, x, new Scratch()).output(), theta, v);
        assertClose(expected, pass.tangent(v).output(), 1e-7, "JVP " + act);
    }

    /** Loss l(y) = sum(c * y) + sum(d * y^2) / 2: g = c + d y, R{g} = d (J v). */
    @ParameterizedTest
    @MethodSource("cases")
    void hvp_matchesFiniteDifferencesOfTheGradient_andIsSymmetric(Activation act, int[] hidden, long seed) {
        Mlp net = net(act, hidden);
        INDArray theta = theta(net, seed);
        INDArray x = randomMatrix(6, 3, seed + 1);
        INDArray c = randomMatrix(6, 2, seed + 4);
        INDArray d = randomMatrix(6, 2, seed + 5);
        java.util.function.Function<INDArray, INDArray> grad = th -> {
            MlpPass p = net.forward(th, x, new Scratch());
            return p.vjp(c.add(d.mul(p.output())));
        };
        INDArray u = randomVector(net.numParams(), seed + 6);
        INDArray v = randomVector(net.numParams(), seed + 7);
        MlpPass pass = net.forward(theta, x, new Scratch());
        assertAwayFromKinks(net, pass);
        MlpBackward backward = pass.backward(c.add(d.mul(pass.output())));
        MlpTangent tv = pass.tangent(v);
        INDArray hv = tv.secondOrder(backward, d.mul(tv.output()));
        assertClose(FiniteDifferences.directional(grad, theta, v), hv, 1e-6, "HVP " + act);
        MlpTangent tu = pass.tangent(u);
        INDArray hu = tu.secondOrder(backward, d.mul(tu.output()));
        double uhv = u.mul(hv).sumNumber().doubleValue();
        double vhu = v.mul(hu).sumNumber().doubleValue();
        assertEquals(uhv, vhu, 1e-10 * Math.max(1, Math.abs(uhv)), "u.Hv = v.Hu");
    }

    @Test
    void products_leaveParametersAndInputsUntouched() {
        Mlp net = net(Activation.TANH, new int[] {4});
        INDArray theta = theta(net, 3);
        INDArray x = randomMatrix(5, 3, 4);
        INDArray thetaCopy = theta.dup();
        INDArray xCopy = x.dup();
        MlpPass pass = net.forward(theta, x, new Scratch());
        INDArray g = randomMatrix(5, 2, 5);
        pass.vjp(g);
        MlpTangent t = pass.tangent(randomVector(net.numParams(), 6));
        t.secondOrder(pass.backward(g), g);
        assertEquals(thetaCopy, theta);
        assertEquals(xCopy, x);
    }

    /** 3 -> 4 -> 5 -> 2 on 6 rows: the products' 2 m n k, counted by hand. */
    @Test
    void matrixFlops_countEveryProductOfThePasses() {
        Mlp net = net(Activation.TANH, new int[] {4, 5});
        INDArray theta = theta(net, 3);
        INDArray x = randomMatrix(6, 3, 4);
        MlpPass pass = net.forward(theta, x, new Scratch());
        long forward = 2L * 6 * (3 * 4 + 4 * 5 + 5 * 2);
        assertEquals(forward, net.matrixFlops());
        INDArray g = randomMatrix(6, 2, 5);
        pass.vjp(g);
        // weight gradients (as the forward), column sums 2 N width per layer, delta W^T for layers 3 and 2
        long vjp = forward + 2L * 6 * (4 + 5 + 2) + 2L * 6 * (5 * 2 + 4 * 5);
        assertEquals(forward + vjp, net.matrixFlops());
        MlpBackward backward = pass.backward(g);
        long backwardFlops = 2L * 6 * (5 * 2 + 4 * 5);
        assertEquals(forward + vjp + backwardFlops, net.matrixFlops());
        MlpTangent t = pass.tangent(randomVector(net.numParams(), 6));
        long tangent = forward + 2L * 6 * (4 * 5 + 5 * 2);
        assertEquals(forward + vjp + backwardFlops + tangent, net.matrixFlops());
        t.secondOrder(backward, g);
        long secondOrder = forward + 2L * 6 * (4 * 5 + 5 * 2) + 2L * 6 * (4 + 5 + 2) + 2 * 2L * 6 * (5 * 2 + 4 * 5);
        assertEquals(forward + vjp + backwardFlops + tangent + secondOrder, net.matrixFlops());
    }

    @Test
    void secondOrder_refusesTheBackwardPassOfAnotherPoint() {
        Mlp net = net(Activation.TANH, new int[] {4});
        INDArray x = randomMatrix(5, 3, 4);
        INDArray g = randomMatrix(5, 2, 5);
        MlpPass pass = net.forward(theta(net, 3), x, new Scratch());
        MlpBackward other = net.forward(theta(net, 4), x, new Scratch()).backward(g);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pass.tangent(randomVector(net.numParams(), 6)).secondOrder(other, g));
        assertEquals("the backward pass must be this point's, taken with MlpPass.backward", e.getMessage());
    }

    @Test
    void badShapes_areRejectedNamingTheSizes() {
        Mlp net = net(Activation.TANH, new int[] {4});
        assertEquals("parameter vector must be a DOUBLE vector of length 26, got DOUBLE [25]",
                assertThrows(IllegalArgumentException.class, () -> net.forward(Nd4j.zeros(DataType.DOUBLE, 25),
                        randomMatrix(2, 3, 1), new Scratch())).getMessage());
        assertEquals("inputs must be a DOUBLE array of shape [N, 3], got DOUBLE [2, 4]",
                assertThrows(IllegalArgumentException.class, () -> net.forward(Nd4j.zeros(DataType.DOUBLE, 26),
                        randomMatrix(2, 4, 1), new Scratch())).getMessage());
        MlpPass pass = net.forward(Nd4j.zeros(DataType.DOUBLE, 26), randomMatrix(2, 3, 1), new Scratch());
        assertEquals("output gradient must be a DOUBLE array of shape [2, 2], got DOUBLE [2, 3]",
                assertThrows(IllegalArgumentException.class, () -> pass.vjp(randomMatrix(2, 3, 1))).getMessage());
        assertEquals("layer sizes must be >= 1, got [3, 0, 2]", assertThrows(IllegalArgumentException.class,
                () -> new Mlp(3, new int[] {0}, 2, Activation.TANH, DataType.DOUBLE)).getMessage());
    }

    @Test
    void floatNetwork_agreesWithDoubleToFloatPrecision() {
        Mlp d = net(Activation.TANH, new int[] {8});
        Mlp f = new Mlp(3, new int[] {8}, 2, Activation.TANH, DataType.FLOAT);
        INDArray theta = theta(d, 9);
        INDArray x = randomMatrix(10, 3, 10);
        INDArray yd = d.forward(theta, x, new Scratch()).output();
        INDArray yf = f.forward(theta.castTo(DataType.FLOAT), x.castTo(DataType.FLOAT), new Scratch()).output();
        assertClose(yd, yf.castTo(DataType.DOUBLE), 1e-5, "float forward");
    }
}
