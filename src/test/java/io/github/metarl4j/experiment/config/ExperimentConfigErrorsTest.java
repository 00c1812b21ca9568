package io.github.metarl4j.experiment.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed experiment configs, each with the exact message it must produce: the file, the dotted
 * key path and the bad value or what was expected.
 */
class ExperimentConfigErrorsTest {

    private static final Path FOUNDING = Path.of("examples/configs/founding-transfer.yaml");
    private static final String TOP_KEYS = "[evaluation, family, learner, name, policy, run, seed]";
    private static final String FAMILY_TYPES = "[bandit, class, gridworld, navigation, tabular]";

    @TempDir
    Path dir;

    private static Arguments edit(String what, UnaryOperator<String> edit, String message) {
        return Arguments.of(what, edit, List.of(), message);
    }

    private static Arguments set(String what, List<String> overrides, String message) {
        return Arguments.of(what, UnaryOperator.<String>identity(), overrides, message);
    }

    /** Replaces the first line that starts (after indentation) with {@code key:} by {@code line}. */
    private static UnaryOperator<String> line(String key, String line) {
        return y -> {
            String out = y.replaceFirst("(?m)^( *)" + java.util.regex.Pattern.quote(key) + ":.*$",
                    java.util.regex.Matcher.quoteReplacement(line));
            if (out.equals(y)) {
                throw new IllegalStateException("no line '" + key + ":' in the base config");
            }
            return out;
        };
    }

    private static UnaryOperator<String> indented(String key, String value) {
        return y -> y.replaceFirst("(?m)^( *)" + key + ":.*$", "$1" + key + ": " + java.util.regex.Matcher
                .quoteReplacement(value));
    }

    private static UnaryOperator<String> block(String key, String replacement) {
        return y -> y.replaceFirst("(?ms)^" + key + ":\\n(  .*?\\n)+(?=[a-z]|\\z)", java.util.regex.Matcher
                .quoteReplacement(replacement));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                edit("unknown top-level key", y -> y + "seeds: 2\n",
                        "unknown key 'seeds'; did you mean 'seed'? Valid keys here: " + TOP_KEYS),
                edit("unknown nested key", indented("stepCost", "0.01\n    stepCosts: 0.5"),
                        "unknown key 'family.world.stepCosts'; did you mean 'stepCost'? Valid keys here: "
                                + "[goalReward, horizon, map, observation, slip, stepCost]"),
                edit("misspelt learner key", line("innerStepSize", "    innerStepsize: 0.5"),
                        "unknown key 'learner.maml.innerStepsize'; did you mean 'innerStepSize'? Valid keys here: "
                                + "[fastBatch, firstOrder, gaeLambda, gamma, innerSampling, innerStepSize, innerSteps, metaBatch, "
                                + "outer, ppo, trpo]"),
                edit("missing top-level key", line("seed", ""), "missing required key 'seed'"),
                edit("missing nested key", line("horizon", ""), "missing required key 'family.world.horizon'"),
                edit("missing section", block("evaluation", ""), "missing required key 'evaluation'"),
                edit("missing family type", line("type", ""),
                        "missing required key 'family.type'; one of " + FAMILY_TYPES),
                edit("unknown family type", indented("type", "grid"),
                        "key 'family.type': unknown type 'grid'; did you mean 'gridworld'? Valid types: " + FAMILY_TYPES
                                + ", or the class name of a record implementing FamilyConfig"),
                edit("family class that is not a family record", indented("type", "java.lang.String"),
                        "key 'family.type': 'java.lang.String' is not a public record class implementing FamilyConfig "
                                + "on the classpath; built-in types: " + FAMILY_TYPES),
                edit("family class not on the classpath", indented("type", "org.example.Maze"),
                        "key 'family.type': 'org.example.Maze' is not a public record class implementing FamilyConfig "
                                + "on the classpath; built-in types: " + FAMILY_TYPES),
                edit("unknown learner type", y -> y.replace("type: maml", "type: mamal"),
                        "key 'learner.type': unknown type 'mamal'; did you mean 'maml'? Valid types: [bc, cql, maml, pvi, rl2], or the "
                                + "class name of a record implementing LearnerConfig"),
                edit("text for an integer", indented("metaBatches", "twenty"),
                        "key 'run.metaBatches': expected an integer, got 'twenty'"),
                edit("fraction for an integer", indented("threads", "2.5"),
                        "key 'run.threads': expected an integer, got 2.5"),
                edit("text for a number", indented("slip", "high"),
                        "key 'family.world.slip': expected a number, got 'high'"),
                edit("text for a boolean", indented("firstOrder", "maybe"),
                        "key 'learner.maml.firstOrder': expected true or false, got 'maybe'"),
                edit("unknown enum value", indented("outer", "SGD"),
                        "key 'learner.maml.outer': expected one of [TRPO, PPO], got 'SGD'"),
                edit("unknown observation mode", indented("observation", "PIXELS"),
                        "key 'family.world.observation': expected one of [ONE_HOT, COORDINATES, COORDINATES_AND_GOAL], got 'PIXELS'"),
                edit("number for a list", indented("hidden", "64"),
                        "key 'policy.hidden': expected a list, got 64"),
                edit("text in a list of integers", indented("hidden", "[64, wide]"),
                        "key 'policy.hidden[1]': expected an integer, got 'wide'"),
                edit("number for a mapping", block("run", "run: 20\n"),
                        "key 'run': expected a mapping with keys [metaBatches, threads, checkpointEvery, "
                                + "keepCheckpoints, executor, master], got 20"),
                edit("slip out of range", indented("slip", "1.5"),
                        "key 'family.world.slip': slip must be in [0, 1], got 1.5"),
                edit("no meta-batches", indented("metaBatches", "0"),
                        "key 'run.metaBatches': metaBatches must be >= 1, got 0"),
                edit("one checkpoint kept", indented("keepCheckpoints", "1"),
                        "key 'run.keepCheckpoints': keepCheckpoints must be >= 2, got 1"),
                edit("gamma out of range", indented("gamma", "1.5"),
                        "key 'learner.maml.gamma': gamma must be in [0, 1], got 1.5"),
                edit("negative trust region", y -> y.replace("maxKl: 0.01", "maxKl: -0.01"),
                        "key 'learner.maml.trpo.maxKl': maxKl must be finite and > 0, got -0.01"),
                edit("zero-width layer", indented("hidden", "[64, 0]"),
                        "key 'policy.hidden': hidden must be a non-empty list of widths >= 1, got [64, 0]"),
                edit("no evaluation task", y -> y.replace("  tasks: 4 ", "  tasks: 0 "),
                        "key 'evaluation.tasks': tasks must be >= 1, got 0"),
                edit("step sizes not ascending", indented("stepSizes", "[0.5, 0.1]"),
                        "key 'evaluation.stepSizes': stepSizes must be ascending without repeats, got [0.5, 0.1]"),
                edit("negative step size", indented("stepSizes", "[-0.1, 0.5]"),
                        "key 'evaluation.stepSizes': stepSizes must be a list of finite numbers > 0, got [-0.1, 0.5]"),
                edit("step sizes without steps", y -> y.replace("  steps: 20 ", "  steps: 0 "),
                        "key 'evaluation.stepSizes': stepSizes need steps >= 1 to score them, got steps 0"),
                edit("target above 1", indented("target", "90"),
                        "key 'evaluation.target': target must be in (0, 1], got 90.0"),
                edit("repeated baseline", indented("baselines", "[PRETRAINED, PRETRAINED]"),
                        "key 'evaluation.baselines': baselines must not repeat, got [PRETRAINED, PRETRAINED]"),
                edit("unknown baseline", indented("baselines", "[ORACLE]"),
                        "key 'evaluation.baselines[0]': expected one of [PRETRAINED, SCRATCH, FINE_TUNE], got 'ORACLE'"),
                edit("name with a space", indented("name", "my run"),
                        "key 'name': name must be letters, digits, '.', '_' or '-', got 'my run'"),
                edit("unknown map", indented("map", "five-rooms"),
                        "key 'family.world.map': unknown map name 'five-rooms'; expected one of [door-7x7, four-rooms, "
                                + "open-8x8] or an ASCII map of '#', '.', 'G'"),
                edit("unknown region", indented("train", "middle"),
                        "key 'family.starts.train': unknown region 'middle'; expected one of [all, left-half, "
                                + "right-half, top-half, bottom-half, top-left-quadrant, top-right-quadrant, "
                                + "bottom-left-quadrant, bottom-right-quadrant, corners, top-left, top-right, bottom-left, "
                                + "bottom-right, goal], 'cells:r,c;r,c;...' or 'A - B'"),
                edit("unknown region after a minus", indented("train", "all - middle"),
                        "key 'family.starts.train': unknown region 'middle'; expected one of [all, left-half, "
                                + "right-half, top-half, bottom-half, top-left-quadrant, top-right-quadrant, "
                                + "bottom-left-quadrant, bottom-right-quadrant, corners, top-left, top-right, bottom-left, "
                                + "bottom-right, goal], 'cells:r,c;r,c;...' or 'A - B'"),
                edit("missing source", line("source", ""), "missing required key 'family.source'"),
                edit("family class not found", block("family", "family:\n  type: class\n  name: com.example.Nope\n"),
                        "key 'family.name': name 'com.example.Nope' is not a class on the classpath"),
                edit("family class not a supplier", block("family", "family:\n  type: class\n  name: java.lang.String\n"),
                        "key 'family.name': name 'java.lang.String' must implement Supplier<TaskFamily<?, ?, ?>>"),
                edit("navigation horizon out of range", block("family", "family:\n  type: navigation\n  horizon: 0\n"),
                        "key 'family.horizon': horizon must be >= 1, got 0"),
                edit("key without a value", indented("seed", ""), "key 'seed' has no value"),
                edit("seed too large", indented("seed", "99999999999999999999"),
                        "key 'seed': expected an integer between -9223372036854775808 and 9223372036854775807, got "
                                + "99999999999999999999"),
                edit("repeated key", y -> y + "seed: 2\n", "not valid YAML at line 59, column 5: repeated key 'seed'"),
                edit("unclosed list", indented("hidden", "[64, 64"), "not valid YAML at line 31, column 13: while parsing a flow sequence"),
                edit("empty file", y -> "", "the file is empty; expected a mapping of keys to values"),
                edit("list at the top", y -> "- a\n- b\n", "expected a mapping of keys to values at the top, got a list"),
                set("--set of an unknown key", List.of("run.metaBatch=3"), "--set run.metaBatch=3: no key 'metaBatch' "
                        + "under 'run'; did you mean 'metaBatches'? Keys there: [checkpointEvery, executor, "
                        + "keepCheckpoints, master, metaBatches, threads]"),
                set("--set without a value", List.of("run.metaBatches"),
                        "--set run.metaBatches: expected key.path=value, got 'run.metaBatches'"),
                set("--set below a value", List.of("seed.root=1"),
                        "--set seed.root=1: 'seed' holds a value, not a mapping of keys"),
                set("--set of a bad value", List.of("run.threads=many"),
                        "key 'run.threads': expected an integer, got 'many'"),
                set("--set of invalid YAML", List.of("policy.hidden=[1,"),
                        "--set policy.hidden=[1,: the value '[1,' is not valid YAML: "));
    }

    /** Further values out of their range, wrong in kind, or spelt in YAML the reader does not guess about. */
    static Stream<Arguments> moreCases() {
        return Stream.of(
                edit("no inner step", indented("innerSteps", "0"), "key 'learner.maml.innerSteps': innerSteps must be >= 1, got 0"),
                edit("no fast batch", indented("fastBatch", "0"), "key 'learner.maml.fastBatch': fastBatch must be >= 1, got 0"),
                edit("no task per meta-batch", indented("metaBatch", "0"), "key 'learner.maml.metaBatch': metaBatch must be >= 1, got 0"),
                edit("negative inner step size", indented("innerStepSize", "-0.5"), "key 'learner.maml.innerStepSize': innerStepSize must be finite and >= 0, got -0.5"),
                edit("NaN inner step size", indented("innerStepSize", ".nan"), "key 'learner.maml.innerStepSize': innerStepSize must be finite and >= 0, got NaN"),
                edit("unknown inner sampling", indented("innerSampling", "SOMETIMES"), "key 'learner.maml.innerSampling': expected one of [FRESH, REUSE], got 'SOMETIMES'"),
                edit("lambda above 1", indented("gaeLambda", "1.5"), "key 'learner.maml.gaeLambda': gaeLambda must be in [0, 1], got 1.5"),
                edit("no conjugate-gradient iteration", y -> y.replace("cgIterations: 10", "cgIterations: 0"), "key 'learner.maml.trpo.cgIterations': cgIterations must be >= 1, got 0"),
                edit("negative damping", y -> y.replace("cgDamping: 1.0e-5", "cgDamping: -1.0"), "key 'learner.maml.trpo.cgDamping': cgDamping must be finite and >= 0, got -1.0"),
                edit("no line search", y -> y.replace("lineSearchSteps: 15", "lineSearchSteps: 0"), "key 'learner.maml.trpo.lineSearchSteps': lineSearchSteps must be >= 1, got 0"),
                edit("backtrack ratio of 1", y -> y.replace("backtrackRatio: 0.8", "backtrackRatio: 1.0"), "key 'learner.maml.trpo.backtrackRatio': backtrackRatio must be in (0, 1), got 1.0"),
                edit("zero clip", y -> y.replace("clip: 0.2", "clip: 0.0"), "key 'learner.maml.ppo.clip': clip must be in (0, 1), got 0.0"),
                edit("no PPO epoch", y -> y.replace("epochs: 5", "epochs: 0"), "key 'learner.maml.ppo.epochs': epochs must be >= 1, got 0"),
                edit("negative learning rate", y -> y.replace("learningRate: 1.0e-3", "learningRate: -1.0e-3"), "key 'learner.maml.ppo.learningRate': learningRate must be finite and > 0, got -0.001"),
                edit("negative anneal", y -> y.replace("decayBatches: 0", "decayBatches: -5"), "key 'learner.maml.ppo.decayBatches': decayBatches must be >= 0 (0: a constant learning rate), got -5"),
                edit("no thread", indented("threads", "0"), "key 'run.threads': threads must be in [1, 1024], got 0"),
                edit("too many threads", indented("threads", "100000"),
                        "key 'run.threads': threads must be in [1, 1024], got 100000"),
                edit("no checkpoint interval", indented("checkpointEvery", "0"), "key 'run.checkpointEvery': checkpointEvery must be >= 1, got 0"),
                edit("grid horizon of 0", indented("horizon", "0"), "key 'family.world.horizon': horizon must be >= 1, got 0"),
                edit("negative step cost", indented("stepCost", "-0.01"), "key 'family.world.stepCost': stepCost must be finite and >= 0, got -0.01"),
                edit("infinite goal reward", indented("goalReward", ".inf"), "key 'family.world.goalReward': goalReward must be finite, got Infinity"),
                edit("unknown activation", indented("activation", "SWISH"), "key 'policy.activation': expected one of [TANH, RELU], got 'SWISH'"),
                edit("unknown data type", indented("dataType", "HALF"), "key 'policy.dataType': expected one of [FLOAT, DOUBLE], got 'HALF'"),
                edit("NaN initial log-std", y -> y.replace("  type: categorical ", "  type: gaussian\n  initialLogStd: .nan\n  #"),
                        "key 'policy.initialLogStd': initialLogStd must be finite, got NaN"),
                edit("a log-std for a categorical policy", y -> y.replace("  hidden: [64, 64] ", "  initialLogStd: 0.0\n  hidden: [64, 64] "),
                        "unknown key 'policy.initialLogStd'; did you mean 'activation'? Valid keys here: [activation, dataType, hidden, type]"),
                set("unknown policy type", List.of("policy.type=lstm"), "key 'policy.type': unknown type 'lstm'; did you mean 'gru'? Valid types: "
                        + "[categorical, gaussian, gru], or the class name of a record implementing PolicyConfig"),
                edit("maml with a GRU policy", block("policy", "policy:\n  type: gru\n  hidden: 16\n  separateValue: false\n  dataType: FLOAT\n"),
                        "key 'policy.type': maml adapts a policy of observations (categorical or gaussian), got gru"),
                edit("negative evaluation steps", y -> y.replace("  steps: 20 ", "  steps: -1 "), "key 'evaluation.steps': steps must be >= 0, got -1"),
                edit("a word for the evaluation steps", y -> y.replace("  steps: 20 ", "  steps: all "),
                        "key 'evaluation.steps': steps must be a whole number K >= 0 or 'trial' (an in-context learner's trial), got 'all'"),
                edit("a trial for maml's curve", y -> y.replace("  steps: 20 ", "  steps: trial "),
                        "key 'evaluation.steps': maml adapts by updates and has no trial; give the number of adaptation steps K, got trial"),
                edit("no evaluation episodes", indented("episodes", "0"), "key 'evaluation.episodes': episodes must be >= 1, got 0"),
                edit("empty name", indented("name", "''"), "key 'name': name must be letters, digits, '.', '_' or '-', got ''"),
                edit("a list for the seed", indented("seed", "[1, 2]"), "key 'seed': expected an integer, got a list"),
                edit("a boolean for the seed", indented("seed", "true"), "key 'seed': expected an integer, got true"),
                edit("text for the slip", indented("slip", "'0.1'"), "key 'family.world.slip': expected a number, got '0.1'"),
                edit("a mapping for the map", indented("map", "{rows: 3}"), "key 'family.world.map': expected text (a GridMap), got a mapping"),
                edit("a tab before a key", y -> y.replace("  slip:", "\tslip:"), "not valid YAML at line 16, column 20: while scanning for the next token: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                edit("misspelt key near two others", line("innerStepSize", "    innerStepSise: 0.5"), "unknown key 'learner.maml.innerStepSise'; did you mean 'innerStepSize'? Valid keys here: "
                                + "[fastBatch, firstOrder, gaeLambda, gamma, innerSampling, innerStepSize, innerSteps, metaBatch, "
                                + "outer, ppo, trpo]"),
                set("--set of a key's typo nearest another", List.of("learner.maml.innerStepSise=1"), "--set learner.maml.innerStepSise=1: no key 'innerStepSise' under 'learner.maml'; did you mean 'innerStepSize'? Keys there: "
                                + "[fastBatch, firstOrder, gaeLambda, gamma, innerSampling, innerStepSize, innerSteps, metaBatch, "
                                + "outer, ppo, trpo]"),
                set("--set of NaN", List.of("family.world.slip=.nan"), "key 'family.world.slip': slip must be in [0, 1], got NaN"),
                set("--set of an empty key", List.of("=3"), "--set =3: expected key.path=value, got '=3'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moreCases")
    void furtherMalformedConfigs_nameFileKeyAndValue(String what, UnaryOperator<String> edit, List<String> overrides,
                                                     String message) throws IOException {
        malformedConfig_namesFileKeyAndValue(what, edit, overrides, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedConfig_namesFileKeyAndValue(String what, UnaryOperator<String> edit, List<String> overrides,
                                              String message) throws IOException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, edit.apply(Files.readString(FOUNDING)));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFiles.read(file, ExperimentConfig.class, overrides), what);
        String expected = "config " + file + ": " + message;
        if (message.endsWith(": ") || message.endsWith("flow sequence")) {
            assertTrue(e.getMessage().startsWith(expected), what + ":\n" + e.getMessage());
        } else {
            assertEquals(expected, e.getMessage(), what);
        }
    }

    static Stream<Arguments> rl2Cases() {
        return Stream.of(
                set("rl2 with a pretrained baseline", List.of("evaluation.baselines=[PRETRAINED, SCRATCH]"),
                        "key 'evaluation.baselines': learner rl2 has no pretrained reference; use [SCRATCH] or [], got "
                                + "[PRETRAINED, SCRATCH]"),
                set("rl2 with two GRU layers", List.of("policy.hidden=[32, 32]"), "key 'policy.hidden': expected an integer, got a list"),
                edit("rl2 with an MLP", block("policy", "policy:\n  type: categorical\n  hidden: [16]\n  activation: TANH\n  dataType: FLOAT\n"),
                        "key 'policy.type': rl2 needs a policy with memory (gru), got categorical"),
                edit("an activation for the GRU", y -> y.replace("  hidden: 32 ", "  activation: TANH\n  hidden: 32 "),
                        "unknown key 'policy.activation'; did you mean 'dataType'? Valid keys here: [dataType, hidden, separateValue, type]"),
                set("rl2 without trials", List.of(), "missing required key 'learner.trials'"),
                edit("misspelt rl2 key", line("episodesPerTrial", "    epsiodesPerTrial: 10"), "unknown key 'learner.rl2.epsiodesPerTrial'; did you mean 'episodesPerTrial'? Valid keys here: "
                                + "[entropyCoef, episodesPerTrial, gaeLambda, gamma, inputs, maxGradNorm, minibatches, outer, ppo, rewardCoef, targetKl, trpo, valueCoef]"),
                set("one-armed bandit", List.of("family.arms=1"), "key 'family.arms': arms must be >= 2, got 1"),
                set("a number for rl2's curve", List.of("evaluation.steps=9"), "key 'evaluation.steps': rl2 adapts in context, and "
                        + "its curve covers its trial of 10 episodes; write steps: trial, got 9"),
                set("trial of no episodes", List.of("learner.rl2.episodesPerTrial=0"), "key 'learner.rl2.episodesPerTrial': episodesPerTrial must be >= 1, got 0"),
                set("negative KL stop", List.of("learner.rl2.targetKl=-0.01"), "key 'learner.rl2.targetKl': targetKl must be finite and >= 0, got -0.01"),
                set("negative reward weight", List.of("learner.rl2.rewardCoef=-0.5"), "key 'learner.rl2.rewardCoef': rewardCoef must be finite and >= 0, got -0.5"),
                set("reward prediction under TRPO", List.of("learner.rl2.outer=TRPO", "learner.rl2.rewardCoef=0.5"), "key 'learner.rl2.rewardCoef': rewardCoef 0.5 needs outer PPO: TRPO's step is bounded by the policy's KL, which does not bound the reward head; use rewardCoef 0 with TRPO"),
                set("negative gradient clip", List.of("learner.rl2.maxGradNorm=-1.0"), "key 'learner.rl2.maxGradNorm': maxGradNorm must be finite and >= 0, got -1.0"),
                set("unknown rl2 optimiser", List.of("learner.rl2.outer=ADAM"), "key 'learner.rl2.outer': expected one of [TRPO, PPO], got 'ADAM'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rl2Cases")
    void malformedRl2Config_namesFileKeyAndValue(String what, UnaryOperator<String> edit, List<String> overrides,
                                                 String message) throws IOException {
        Path file = dir.resolve("rl2.yaml");
        String base = Files.readString(Path.of("examples/configs/bandit-rl2.yaml"));
        Files.writeString(file, what.equals("rl2 without trials") ? base.replaceFirst("(?m)^  trials:.*\n", "")
                : edit.apply(base));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFiles.read(file, ExperimentConfig.class, overrides), what);
        assertEquals("config " + file + ": " + message, e.getMessage(), what);
    }

    @org.junit.jupiter.api.Test
    void atLeastEightyMalformedConfigsAreTriedHere() {
        long n = cases().count() + moreCases().count() + rl2Cases().count() + 1;
        assertTrue(n >= 80, "got " + n);
    }

    @org.junit.jupiter.api.Test
    void missingFile_isNamed() {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.read(file, ExperimentConfig.class));
        assertEquals("config " + file + ": no such file", e.getMessage());
    }
}
