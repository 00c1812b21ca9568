package io.github.metarl4j.report;

import io.github.metarl4j.envs.gridworld.Cell;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.experiment.config.GridWorldFamily;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Pictures of a grid-world experiment, drawn without a display: the map with the start regions of
 * the training, validation and test tasks, the goal cells of each set and the fine-tuning source;
 * and, per arm, where its episodes went on the test tasks before adaptation and after the last step
 * (a heat map of visits on a log scale, with the path of one episode).
 */
final class GridPicture {

    private static final int CELL = 44;
    private static final int PAD = 12;
    private static final Color WALL = new Color(0x444444);
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0xff7f0e);
    private static final Color TEST = new Color(0x2ca02c);
    private static final Color SOURCE = new Color(0x9467bd);

    private GridPicture() {
    }

    /** The map with each set's start region (fill) and goal cells (letters) and the fine-tuning source. */
    static byte[] regions(GridWorldFamily f) {
        GridMap map = f.world().map();
        int w = map.cols() * CELL + 2 * PAD;
        int legend = 4 * 18 + 10;
        BufferedImage img = new BufferedImage(w + 240, map.rows() * CELL + 2 * PAD + legend, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        walls(g, map);
        fill(g, map, f.starts().train(), TRAIN);
        fill(g, map, f.starts().validation(), VALIDATION);
        fill(g, map, f.starts().test(), TEST);
        for (Cell c : cells(map, f.source().start())) {
            g.setColor(SOURCE);
            g.setStroke(new BasicStroke(4f));
            g.drawRect(x(c) + 4, y(c) + 4, CELL - 8, CELL - 8);
        }
        letters(g, map, f.goals().train(), TRAIN, "G");
        letters(g, map, f.goals().validation(), VALIDATION, "G");
        letters(g, map, f.goals().test(), TEST, "G");
        grid(g, map);
        int ly = map.rows() * CELL + 2 * PAD + 4;
        String[] text = {"training starts (fill) and goals (G)", "validation starts and goals",
            "test starts and goals", "fine-tuning source start (frame)"};
        Color[] colors = {TRAIN, VALIDATION, TEST, SOURCE};
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i < text.length; i++) {
            g.setColor(colors[i]);
            g.fillRect(PAD, ly + i * 18, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(text[i], PAD + 20, ly + i * 18 + 12);
        }
        g.dispose();
        return png(img);
    }

    /**
     * One arm's two panels: visits and one path at k = 0 (left) and at k = K (right).
     *
     * @param visits per k, each cell's visits over the test episodes
     * @param paths  per k, the cells of one episode in order
     */
    static byte[] visits(GridWorldFamily f, String arm, int lastK, Map<Integer, Map<Cell, Integer>> visits,
                         Map<Integer, List<Cell>> paths) {
        GridMap map = f.world().map();
        int panel = map.cols() * CELL + 2 * PAD;
        BufferedImage img = new BufferedImage(2 * panel, map.rows() * CELL + 2 * PAD + 26, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        int[] ks = {0, lastK};
        for (int p = 0; p < 2; p++) {
            Graphics2D panelG = (Graphics2D) g.create(p * panel, 0, panel, img.getHeight());
            walls(panelG, map);
            Map<Cell, Integer> counts = visits.getOrDefault(ks[p], Map.of());
            double max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
            for (Map.Entry<Cell, Integer> e : counts.entrySet()) {
                float heat = (float) (Math.log1p(e.getValue()) / Math.log1p(max));
                panelG.setColor(new Color(1f, 1f - 0.85f * heat, 1f - 0.85f * heat));
                panelG.fillRect(x(e.getKey()), y(e.getKey()), CELL, CELL);
            }
            letters(panelG, map, f.goals().test(), TEST, "G");
            List<Cell> path = paths.getOrDefault(ks[p], List.of());
            panelG.setColor(new Color(0x1f77b4));
            panelG.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 1; i < path.size(); i++) {
                panelG.drawLine(cx(path.get(i - 1)), cy(path.get(i - 1)), cx(path.get(i)), cy(path.get(i)));
            }
            if (!path.isEmpty()) {
                panelG.fillOval(cx(path.get(0)) - 6, cy(path.get(0)) - 6, 12, 12);
            }
            grid(panelG, map);
            panelG.setColor(Color.BLACK);
            panelG.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            panelG.drawString(arm + ", k = " + ks[p] + (p == 0 ? " (before adaptation)" : " (after the last step)"),
                    PAD, map.rows() * CELL + 2 * PAD + 16);
            panelG.dispose();
        }
        g.dispose();
        return png(img);
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    private static void walls(Graphics2D g, GridMap map) {
        Set<Cell> free = Set.copyOf(map.freeCells());
        g.setColor(WALL);
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                Cell cell = new Cell(r, c);
                if (!free.contains(cell)) {
                    g.fillRect(x(cell), y(cell), CELL, CELL);
                }
            }
        }
    }

    private static void fill(Graphics2D g, GridMap map, Region region, Color color) {
        g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 90));
        for (Cell c : cells(map, region)) {
            g.fillRect(x(c), y(c), CELL, CELL);
        }
    }

    private static void letters(Graphics2D g, GridMap map, Region region, Color color, String letter) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.setColor(color);
        for (Cell c : cells(map, region)) {
            g.drawString(letter, x(c) + CELL / 2 - 7, y(c) + CELL / 2 + 7);
        }
    }

    private static void grid(Graphics2D g, GridMap map) {
        g.setColor(new Color(0xbbbbbb));
        g.setStroke(new BasicStroke(1f));
        for (int r = 0; r <= map.rows(); r++) {
            g.drawLine(PAD, PAD + r * CELL, PAD + map.cols() * CELL, PAD + r * CELL);
        }
        for (int c = 0; c <= map.cols(); c++) {
            g.drawLine(PAD + c * CELL, PAD, PAD + c * CELL, PAD + map.rows() * CELL);
        }
    }

    private static List<Cell> cells(GridMap map, Region region) {
        try {
            return region.cells(map);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static int x(Cell c) {
        return PAD + c.col() * CELL;
    }

    private static int y(Cell c) {
        return PAD + c.row() * CELL;
    }

    private static int cx(Cell c) {
        return x(c) + CELL / 2;
    }

    private static int cy(Cell c) {
        return y(c) + CELL / 2;
    }

    private static byte[] png(BufferedImage img) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a picture as PNG", e);
        }
    }
}
