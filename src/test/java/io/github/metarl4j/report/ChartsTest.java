package io.github.metarl4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void scoreBars_drawAPngOfTheChartsSize_withOneColourPerSeries() throws IOException {
        byte[] png = Charts.scoreBars("scores", "normalised score", List.of(
                new ScoreBar("random", "cloning", -6.2, 8.3), new ScoreBar("random", "pessimistic VI", 100, 0),
                new ScoreBar("mixed", "cloning", 73.1, 6.4), new ScoreBar("mixed", "pessimistic VI", 100, Double.NaN)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        // both series' colours are painted somewhere (the first two of the palette)
        boolean blue = false;
        boolean red = false;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                blue |= rgb == 0x1f77b4;
                red |= rgb == 0xd62728;
            }
        }
        assertEquals(List.of(true, true), List.of(blue, red));
    }
}
