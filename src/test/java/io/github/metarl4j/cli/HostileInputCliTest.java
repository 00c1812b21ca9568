package io.github.metarl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs that are not a config, YAML the library refuses to guess about, and sizes beyond the
 * heap, given to {@code train}: each exits 2 with one line naming the file (or the key, the value and
 * the bound), prints no stack trace, and creates no run directory.
 */
class HostileInputCliTest {

    private static final String FOUNDING = "examples/configs/founding-hidden-goals.yaml";

    /** What to write as the config (null: use the founding config), extra arguments, the expected message. */
    record Case(String what, byte[] file, List<String> extra, String message) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static Case file(String what, byte[] bytes, String message) {
        return new Case(what, bytes, List.of(), message);
    }

    private static Case text(String what, String yaml, String message) {
        return new Case(what, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(), message);
    }

    private static Case set(String what, String override, String message) {
        return new Case(what, null, List.of("--set", override), message);
    }

    private static String founding() {
        try {
            return Files.readString(Path.of(FOUNDING));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        byte[] binary = new byte[300];
        new java.util.Random(7).nextBytes(binary);
        binary[0] = (byte) 0xCF;
        binary[1] = 0;
        String big = "# padding\n".repeat(110_000);
        String f = founding();
        String memory = String.format(java.util.Locale.ROOT, "the JVM may use %.1f GiB in all "
                + "(-Dorg.bytedeco.javacpp.maxphysicalbytes)", org.bytedeco.javacpp.Pointer.maxPhysicalBytes() / 1073741824.0);
        return Stream.of(
                file("binary data", binary, "not UTF-8 text (byte 0xCF at offset 0); expected a YAML file"),
                file("invalid UTF-8", new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, '(', '\n'},
                        "not UTF-8 text (byte 0xC3 at offset 6); expected a YAML file"),
                file("Latin-1 text", new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'},
                        "not UTF-8 text (byte 0xE9 at offset 6); expected a YAML file"),
                file("NUL bytes", new byte[] {'s', 'e', 'e', 'd', ':', ' ', '1', 0, 0, '\n'},
                        "holds a control character (U+0000) on line 1; expected YAML text, not binary data"),
                text("over a mebibyte", big, "larger than 1024 KiB; a config is a short YAML text"),
                text("an alias", f.replace("seed: 1", "seed: *one"),
                        "not valid YAML at line 12, column 7: an alias (*one) is not supported; write the value out in full"),
                text("an anchor", f.replace("seed: 1", "seed: &one 1"),
                        "not valid YAML at line 12, column 7: an anchor (&one) is not supported; write each value out in full"),
                text("a tag", f.replace("seed: 1", "seed: !!int 1"),
                        "not valid YAML at line 12, column 7: a tag (tag:yaml.org,2002:int) is not supported; write the plain value"),
                text("a local tag on a mapping", f.replace("family:\n", "family: !grid\n"),
                        "not valid YAML at line 13, column 9: a tag (!grid) is not supported; write the plain value"),
                text("a second document", f + "---\nseed: 2\n", "a second YAML document starts at line 60; a config "
                        + "is one document (remove the '---' and what follows, or merge it into the first)"),
                text("NaN for a number", f.replace("slip: 0.0", "slip: .nan"),
                        "key 'family.world.slip': slip must be in [0, 1], got NaN"),
                text("infinity for a number", f.replace("stepCost: 0.01", "stepCost: .inf"),
                        "key 'family.world.stepCost': stepCost must be finite and >= 0, got Infinity"),
                text("minus infinity for a number", f.replace("maxKl: 0.01", "maxKl: -.inf"),
                        "key 'learner.maml.trpo.maxKl': maxKl must be finite and > 0, got -Infinity"),
                set("a second document in --set", "seed=1\n---\n2", "--set seed=1\\n---\\n2: the value '1\\n---\\n2': a "
                        + "second YAML document starts at line 3; a config is one document (remove the '---' and what "
                        + "follows, or merge it into the first)"),
                set("an alias in --set", "seed=*x", "--set seed=*x: the value '*x' is not valid YAML: an alias (*x) is "
                        + "not supported; write the value out in full"),
                set("a tag in --set", "policy.hidden=!!seq [3]", "--set policy.hidden=!!seq [3]: the value '!!seq [3]' "
                        + "is not valid YAML: a tag (tag:yaml.org,2002:seq) is not supported; write the plain value"),
                set("a horizon past the memory", "family.world.horizon=2147483647", "key 'family.world.horizon': "
                        + "2147483647 makes one meta-batch's environment steps (10 x 10 x 2 x 2147483647 x 1.3 KiB) need "
                        + "at least 531.2 TiB; " + memory + ", which bounds family.world.horizon at "),
                set("a meta-batch past the memory", "learner.maml.metaBatch=2147483647", "key 'learner.maml.metaBatch': "
                        + "2147483647 makes one meta-batch's environment steps (2147483647 x 10 x 2 x 72 x 1.3 KiB) need "
                        + "at least 3.7 PiB; " + memory + ", which bounds learner.maml.metaBatch at "),
                set("evaluation tasks past the memory", "evaluation.tasks=2147483647", "key 'evaluation.tasks': "
                        + "2147483647 makes one evaluation round's environment steps (2147483647 x 10 x 72 x 1.3 KiB) need "
                        + "at least 1.9 PiB; " + memory + ", which bounds evaluation.tasks at "),
                set("a layer past the memory", "policy.hidden=[2000000000]", "key 'policy.hidden': [2000000000] makes "
                        + "1.68e+11 parameters, which with the 6 copies the learner keeps need at least 3.7 TiB; " + memory
                        + "; lower the widths"),
                set("fast batch past the memory", "learner.maml.fastBatch=100000000", "key 'learner.maml.fastBatch': "
                        + "100000000 makes one meta-batch's environment steps (10 x 100000000 x 2 x 72 x 1.3 KiB) need at "
                        + "least 178.1 TiB; " + memory + ", which bounds learner.maml.fastBatch at "),
                set("a goal region outside the map", "family.world.map=\"#####\\n#...#\\n#####\"",
                        "key 'family': region cell must be a free cell of the map, got (1, 6), outside the 3x5 map"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput_exits2_withOneLine_andNoRunDirectory(Case c, @TempDir Path dir) throws IOException {
        Path config = Path.of(FOUNDING);
        if (c.file() != null) {
            config = dir.resolve("config.yaml");
            Files.write(config, c.file());
        }
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("train", "--config", config.toString(), "--out", out.toString()));
        args.addAll(c.extra());
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(Main.BAD_USAGE, r.status(), c.what() + ": " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        String expected = "metarl4j: config " + config + ": " + (c.message() == null ? "" : c.message());
        assertTrue(r.err().startsWith(expected), c.what() + ":\n" + r.err() + "\nexpected\n" + expected);
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(Files.exists(out), "no run directory");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void unreadableConfig_exits2_namingTheFile(String what, Path file, String reason) {
        Cli r = Cli.run("train", "--config", file.toString());
        assertEquals(Main.BAD_USAGE, r.status(), r.err());
        assertEquals("metarl4j: config " + file + ": " + reason, r.err().strip());
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("a directory", Path.of("examples"), "is a directory; expected a YAML file"),
                Arguments.of("an endless device", Path.of("/dev/zero"), "larger than 1024 KiB; a config is a short YAML text"),
                Arguments.of("a missing file", Path.of("examples/configs/nope.yaml"), "no such file"));
    }

    @org.junit.jupiter.api.Test
    void debug_addsTheStackTrace() {
        Cli quiet = Cli.run("train", "--config", "examples");
        Cli debug = Cli.run("train", "--config", "examples", "--debug");
        assertEquals(Main.BAD_USAGE, debug.status());
        assertFalse(quiet.err().contains("\tat "), quiet.err());
        assertTrue(debug.err().contains("ConfigException: config examples: is a directory") && debug.err().contains("\tat "),
                debug.err());
        assertTrue(debug.err().strip().endsWith("metarl4j: config examples: is a directory; expected a YAML file"),
                debug.err());
    }

    @org.junit.jupiter.api.Test
    void aTestDistributionThatCannotDeliver_isRefusedBeforeTraining(@TempDir Path dir) {
        String config = "examples/configs/custom-family.yaml";
        Path out = dir.resolve("run");
        Cli r = Cli.run("train", "--config", config, "--set", "family.name=" + NoTestTasksFamily.class.getName(),
                "--out", out.toString());
        assertEquals(Main.BAD_USAGE, r.status(), r.err());
        assertEquals("metarl4j: config " + config + ": key 'family': its task distributions cannot deliver the tasks "
                + "the run needs: the test region holds no cell", r.err().strip());
        assertFalse(Files.exists(out), "nothing trained");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tabularSizes")
    void tabularTablesPastAJavaArrayOrTheHeap_exit2(String what, String override, String message) {
        String config = "examples/configs/tabular-mdp-rl2.yaml";
        Cli r = Cli.run("train", "--config", config, "--set", override, "--out", "runs/never");
        assertEquals(Main.BAD_USAGE, r.status(), r.err());
        assertEquals("metarl4j: config " + config + ": " + message, r.err().strip());
        assertFalse(Files.exists(Path.of("runs/never")));
    }

    static Stream<Arguments> tabularSizes() {
        String heap = String.format(java.util.Locale.ROOT, "%.1f GiB", Runtime.getRuntime().maxMemory() / 1073741824.0);
        return Stream.of(
                Arguments.of("a table past a Java array", "family.states=100000", "key 'family.states': states x actions "
                        + "x states must fit one transition table of at most 2147483639 entries, got 100000 x 5 x 100000"),
                Arguments.of("tables past the heap", "family.states=3000", "key 'family.states': 3000 states x 5 actions "
                        + "make each MDP's transition table 343.4 MiB, and the 1000 tasks held at once need at least "
                        + "335.4 GiB of heap; the JVM's heap (-Xmx) is " + heap + "; lower the states or raise -Xmx"));
    }
}
