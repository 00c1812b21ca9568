package io.github.metarl4j.envs.gridworld;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A set of cells of a map, by name ({@code all}, {@code left-half}, {@code top-left-quadrant},
 * {@code goal}, ...), listed explicitly ({@code cells:r,c;r,c}), or as a difference of two regions
 * ({@code all - top-left-quadrant}). Resolving a region on a map gives its free cells in row-major
 * order.
 */
public sealed interface Region permits Region.Named, Region.Cells, Region.Difference {

    /** The region's free cells on {@code map}, sorted row-major, without duplicates. */
    List<Cell> cells(GridMap map);

    /** The region as text; {@code Region.parse(text())} equals this region. */
    @JsonValue
    String text();

    /**
     * Parses a region: a name of {@link Named} ({@code "left-half"}), {@code "cells:r,c;r,c;..."},
     * or {@code "A - B - ..."}, the cells of A that are in none of the others (the minus sign
     * between spaces).
     */
    @JsonCreator
    static Region parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("region must be a region name or 'cells:r,c;...', got null");
        }
        String s = text.strip();
        int minus = s.lastIndexOf(" - ");
        if (minus > 0) {
            return new Difference(parse(s.substring(0, minus)), parse(s.substring(minus + 3)));
        }
        if (s.startsWith("cells:")) {
            List<Cell> cells = new ArrayList<>();
            for (String part : s.substring("cells:".length()).split(";")) {
                String[] rc = part.strip().split(",");
                try {
                    if (rc.length != 2) {
                        throw new NumberFormatException();
                    }
                    cells.add(new Cell(Integer.parseInt(rc[0].strip()), Integer.parseInt(rc[1].strip())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("region cell '" + part.strip() + "' in '" + s
                            + "' must be 'row,col' with integers", e);
                }
            }
            return new Cells(cells);
        }
        for (Named n : Named.values()) {
            if (n.label.equals(s)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown region '" + s + "'; expected one of "
                + Arrays.stream(Named.values()).map(Named::toString).toList() + ", 'cells:r,c;r,c;...' or 'A - B'");
    }

    /**
     * Regions defined by the map's shape. Halves split the grid's rows or columns; for an odd
     * count the middle row or column belongs to neither half, so opposite halves are disjoint.
     * A quadrant is the intersection of two halves (on {@code four-rooms}, exactly one room). A
     * corner is the free cell nearest (Manhattan distance, ties row-major) to that corner of the
     * grid; {@code corners} is the four of them. {@code goal} is the map's 'G' cell.
     */
    enum Named implements Region {
        ALL("all"), LEFT_HALF("left-half"), RIGHT_HALF("right-half"), TOP_HALF("top-half"),
        BOTTOM_HALF("bottom-half"), TOP_LEFT_QUADRANT("top-left-quadrant"), TOP_RIGHT_QUADRANT("top-right-quadrant"),
        BOTTOM_LEFT_QUADRANT("bottom-left-quadrant"), BOTTOM_RIGHT_QUADRANT("bottom-right-quadrant"),
        CORNERS("corners"), TOP_LEFT("top-left"), TOP_RIGHT("top-right"), BOTTOM_LEFT("bottom-left"),
        BOTTOM_RIGHT("bottom-right"), GOAL("goal");

        private final String label;

        Named(String label) {
            this.label = label;
        }

        @Override
        public List<Cell> cells(GridMap map) {
            int rows = map.rows();
            int cols = map.cols();
            List<Cell> free = map.freeCells();
            return switch (this) {
                case ALL -> free;
                case LEFT_HALF -> free.stream().filter(c -> c.col() < cols / 2).toList();
                case RIGHT_HALF -> free.stream().filter(c -> c.col() >= cols - cols / 2).toList();
                case TOP_HALF -> free.stream().filter(c -> c.row() < rows / 2).toList();
                case BOTTOM_HALF -> free.stream().filter(c -> c.row() >= rows - rows / 2).toList();
                case TOP_LEFT_QUADRANT -> both(map, TOP_HALF, LEFT_HALF);
                case TOP_RIGHT_QUADRANT -> both(map, TOP_HALF, RIGHT_HALF);
                case BOTTOM_LEFT_QUADRANT -> both(map, BOTTOM_HALF, LEFT_HALF);
                case BOTTOM_RIGHT_QUADRANT -> both(map, BOTTOM_HALF, RIGHT_HALF);
                case GOAL -> List.of(map.goal().orElseThrow(() -> new IllegalArgumentException(
                        "region 'goal' needs a map with a goal 'G'")));
                case TOP_LEFT -> nearest(free, 0, 0);
                case TOP_RIGHT -> nearest(free, 0, cols - 1);
                case BOTTOM_LEFT -> nearest(free, rows - 1, 0);
                case BOTTOM_RIGHT -> nearest(free, rows - 1, cols - 1);
                case CORNERS -> List.copyOf(new TreeSet<>(List.of(nearest(free, 0, 0).get(0),
                        nearest(free, 0, cols - 1).get(0), nearest(free, rows - 1, 0).get(0),
                        nearest(free, rows - 1, cols - 1).get(0))));
            };
        }

        private static List<Cell> both(GridMap map, Named a, Named b) {
            List<Cell> second = b.cells(map);
            return a.cells(map).stream().filter(second::contains).toList();
        }

        private static List<Cell> nearest(List<Cell> free, int row, int col) {
            return free.stream()
                    .min(Comparator.comparingInt((Cell c) -> Math.abs(c.row() - row) + Math.abs(c.col() - col)))
                    .map(List::of).orElse(List.of());
        }

        @Override
        public String text() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * An explicit list of cells; every one must be a free cell of the map it is resolved on.
     *
     * @param list the cells
     */
    record Cells(List<Cell> list) implements Region {

        /**
         * Checks the arguments and holds them:
         *
         * @param list the cells
         */
        public Cells {
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException("an explicit region needs at least one cell, got " + list);
            }
            list = List.copyOf(list);
        }

        @Override
        public List<Cell> cells(GridMap map) {
            for (Cell c : list) {
                map.requireFree(c, "region cell");
            }
            return List.copyOf(new TreeSet<>(list));
        }

        @Override
        public String toString() {
            return text();
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder("cells:");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ";").append(list.get(i).row()).append(',').append(list.get(i).col());
            }
            return sb.toString();
        }
    }

    /**
     * The cells of {@code from} that are not in {@code minus}.
     *
     * @param from  the region cells are taken from
     * @param minus the region whose cells are removed
     */
    record Difference(Region from, Region minus) implements Region {

        /**
         * Checks the arguments and holds them:
         *
         * @param from  the region cells are taken from
         * @param minus the region whose cells are removed
         */
        public Difference {
            if (from == null || minus == null) {
                throw new IllegalArgumentException("both sides of a region difference must be given");
            }
        }

        @Override
        public List<Cell> cells(GridMap map) {
            List<Cell> removed = minus.cells(map);
            return from.cells(map).stream().filter(c -> !removed.contains(c)).toList();
        }

        @Override
        public String text() {
            return from.text() + " - " + minus.text();
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
